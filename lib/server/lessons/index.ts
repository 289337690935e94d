import 'server-only';

// The lessons area's data functions, for pages and other areas (the dashboard counts due
// reviews, the interview pages show prevention hints).
export { countLessonsDueForReview, type LessonReviewCounts } from './count-lessons-due-for-review';
export { createLesson } from './create-lesson';
export { exportLessons } from './export-lessons';
export { getLesson } from './get-lesson';
export { getPatterns, type LessonPatterns, type MonthRow, type OutcomeBucket } from './get-patterns';
export { getPreventionHints, type PreventionHintsByInterview } from './get-prevention-hints';
export { getReviewQueue } from './get-review-queue';
export type { LessonDetail } from './lesson-select';
export { LESSON_PAGE_SIZE, listLessons, type LessonListItem } from './list-lessons';
export { markLessonReviewed } from './mark-lesson-reviewed';
export { retirePreventionAction } from './retire-prevention-action';
export { STALE_LESSON_MESSAGE, updateLesson } from './update-lesson';

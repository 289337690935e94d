import 'server-only';
import { getApplicationInsights } from '@/lib/server/applications/get-application-insights';
import { countLessonsDueForReview } from '@/lib/server/lessons/count-lessons-due-for-review';
import { getPatterns } from '@/lib/server/lessons/get-patterns';
import { getReviewQueue } from '@/lib/server/lessons/get-review-queue';
import { listLessons } from '@/lib/server/lessons/list-lessons';
import { idSchema } from '@/lib/validation/common';
import type { LessonFilters } from '@/lib/validation/lessons';

type PageUser = { id: string; timeZone: string };

/** The lessons list: one page of lessons and the review counts for the tabs. */
export async function loadLessonsPage(user: PageUser, filters: LessonFilters, now = new Date()) {
  const [page, reviewCounts] = await Promise.all([
    listLessons(user.id, filters, user.timeZone, now),
    countLessonsDueForReview(user.id, now),
  ]);
  return { page, reviewCounts };
}

/** The patterns page: the recovery statistics, the applications' insights and the review counts for the tabs. */
export async function loadPatternsPage(user: PageUser, now = new Date()) {
  const [patterns, applications, reviewCounts] = await Promise.all([
    getPatterns(user.id, user.timeZone, now),
    getApplicationInsights(user.id, user.timeZone, now),
    countLessonsDueForReview(user.id, now),
  ]);
  return { patterns, applications, reviewCounts };
}

/**
 * The review page: the lessons due, starting at `requestedId` when it is one of them. An id that
 * is not due (reviewed meanwhile, someone else's, made up) starts at the first.
 */
export async function loadReviewPage(user: PageUser, requestedId: unknown, now = new Date()) {
  const requested = idSchema('lesson').safeParse(requestedId);
  const queue = await getReviewQueue(user.id, now, requested.success ? requested.data : undefined);
  return { queue };
}

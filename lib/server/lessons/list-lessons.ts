import 'server-only';
import { getDb } from '@/lib/db';
import { decodeKeysetCursor, encodeKeysetCursor } from '@/lib/domain/keyset-cursor';
import { isLessonDue } from '@/lib/domain/lesson-review';
import type { LessonFilters } from '@/lib/validation/lessons';
import { findLatestReviewInterviewStart } from './lesson-due-where';
import type { LessonDetail } from '@/lib/domain/lesson-view';
import { buildLessonWhere, lessonSelect } from './lesson-select';

export const LESSON_PAGE_SIZE = 20;

export type LessonListItem = LessonDetail & { isDueForReview: boolean };

export type LessonPage = { items: LessonListItem[]; nextCursor: string | null };

/** One page of the user's lessons, newest first, by keyset on (createdAt, id). */
export async function listLessons(
  userId: string,
  filters: LessonFilters,
  timeZone: string,
  now = new Date(),
): Promise<LessonPage> {
  const where = buildLessonWhere(userId, filters, timeZone);
  const cursor = decodeKeysetCursor(filters.cursor);
  const pageQuery = getDb().lesson.findMany({
    where: cursor
      ? { AND: [where, { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }] }
      : where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LESSON_PAGE_SIZE + 1,
    select: lessonSelect,
  });
  const [page, latestInterviewStart] = await Promise.all([pageQuery, findLatestReviewInterviewStart(userId, now)]);
  const hasMore = page.length > LESSON_PAGE_SIZE;
  const items = (hasMore ? page.slice(0, LESSON_PAGE_SIZE) : page).map((lesson) => ({
    ...lesson,
    isDueForReview: isLessonDue(lesson, now, latestInterviewStart),
  }));
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeKeysetCursor({ at: last.createdAt, id: last.id }) : null };
}

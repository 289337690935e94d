import 'server-only';
import { getDb } from '@/lib/db';
import { buildDueWhere, findLatestReviewInterviewStart } from './lesson-due-where';
import type { LessonDetail } from '@/lib/domain/lesson-view';
import { lessonSelect } from './lesson-select';

// Enough for any real backlog; the review walks one lesson at a time anyway.
const QUEUE_LIMIT = 500;

export type ReviewQueue = {
  /** The lesson on screen, or null when nothing is due. */
  current: LessonDetail | null;
  position: number;
  total: number;
  /** The lesson after the current one, for "skip for now"; wraps round to the first. */
  nextId: string | null;
};

/**
 * The due lessons in a fixed order (never reviewed first, then the longest unreviewed, then
 * oldest), positioned at `currentId` when it is still due, else at the first.
 */
export async function getReviewQueue(userId: string, now = new Date(), currentId?: string): Promise<ReviewQueue> {
  const db = getDb();
  const latestInterviewStart = await findLatestReviewInterviewStart(userId, now);
  const due = await db.lesson.findMany({
    where: buildDueWhere(userId, now, latestInterviewStart),
    orderBy: [{ reviewedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
    take: QUEUE_LIMIT,
  });
  if (due.length === 0) return { current: null, position: 0, total: 0, nextId: null };
  const found = currentId ? due.findIndex((row) => row.id === currentId) : -1;
  const index = found === -1 ? 0 : found;
  const currentRow = due[index] as { id: string };
  const next = due.length > 1 ? due[(index + 1) % due.length] : undefined;
  // Scoped by userId again: the id came from this user's list, but every query says whose it is.
  const current = await db.lesson.findFirst({ where: { id: currentRow.id, userId }, select: lessonSelect });
  return { current, position: index + 1, total: due.length, nextId: next?.id ?? null };
}

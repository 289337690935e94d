import 'server-only';
import { getDb } from '@/lib/db';
import { computeReviewCutoff } from '@/lib/domain/lesson-rules';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Lessons never reviewed, or last reviewed more than REVIEW_INTERVAL_DAYS ago. */
export function buildDueWhere(userId: string, now: Date): Prisma.LessonWhereInput {
  return { userId, OR: [{ reviewedAt: null }, { reviewedAt: { lt: computeReviewCutoff(now) } }] };
}

/** For the dashboard: how many lessons are waiting to be looked at again. */
export async function countLessonsDueForReview(userId: string, now = new Date()): Promise<number> {
  return getDb().lesson.count({ where: buildDueWhere(userId, now) });
}

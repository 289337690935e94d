import 'server-only';
import { getDb } from '@/lib/db';
import { buildDueWhere, findLatestReviewInterviewStart } from './lesson-due-where';

export type LessonReviewCounts = { due: number; total: number };

/** For the dashboard and the lessons pages: how many lessons are due, out of how many. */
export async function countLessonsDueForReview(userId: string, now = new Date()): Promise<LessonReviewCounts> {
  const db = getDb();
  const latestInterviewStart = await findLatestReviewInterviewStart(userId, now);
  const [due, total] = await Promise.all([
    db.lesson.count({ where: buildDueWhere(userId, now, latestInterviewStart) }),
    db.lesson.count({ where: { userId } }),
  ]);
  return { due, total };
}

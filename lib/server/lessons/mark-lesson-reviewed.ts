import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

/** Records that the user looked at the lesson now; the count spaces out the next review. */
export async function markLessonReviewed(
  userId: string,
  lessonId: string,
  now = new Date(),
): Promise<{ reviewedAt: Date }> {
  // Ownership is part of the where, so another user's id updates nothing and reads as missing.
  const { count } = await getDb().lesson.updateMany({
    where: { id: lessonId, userId },
    data: { reviewedAt: now, reviewCount: { increment: 1 } },
  });
  if (count === 0) throw new NotFoundError('lesson');
  return { reviewedAt: now };
}

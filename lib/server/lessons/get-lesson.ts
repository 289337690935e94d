import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { LessonDetail } from '@/lib/domain/lesson-view';
import { lessonSelect } from './lesson-select';

/** One lesson of the user's; someone else's answers exactly like a missing one. */
export async function getLesson(userId: string, lessonId: string): Promise<LessonDetail> {
  const lesson = await getDb().lesson.findFirst({ where: { id: lessonId, userId }, select: lessonSelect });
  if (!lesson) throw new NotFoundError('lesson');
  return lesson;
}

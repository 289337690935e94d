import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { getLesson } from '@/lib/server/lessons/get-lesson';
import { idSchema } from '@/lib/validation/common';

/**
 * The lesson's edit page: the lesson, its actions still in use (the form's values) and the ones
 * that became habits. An id that is malformed, missing or someone else's throws NotFoundError.
 */
export async function loadEditLessonPage(userId: string, lessonId: string) {
  const parsedId = idSchema('lesson').safeParse(lessonId);
  if (!parsedId.success) throw new NotFoundError('lesson');
  const lesson = await getLesson(userId, parsedId.data);
  return {
    lesson,
    activeActions: lesson.actions.filter((action) => action.retiredAt === null),
    retiredActions: lesson.actions.filter((action) => action.retiredAt !== null),
  };
}

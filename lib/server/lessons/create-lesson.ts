import 'server-only';
import { getDb } from '@/lib/db';
import type { LessonFormValues } from '@/lib/validation/lessons';

/**
 * A lesson added by hand: a near miss, or something learnt without an incident. Lessons that
 * come out of a recovery are saved by the recovery flow (lib/server/recovery/save-lesson.ts).
 */
export async function createLesson(userId: string, values: LessonFormValues): Promise<{ id: string }> {
  const texts = values.actions.map((action) => action.text).filter((text) => text.length > 0);
  return getDb().$transaction(async (tx) => {
    const lesson = await tx.lesson.create({
      data: { userId, rootCause: values.rootCause, whatHappened: values.whatHappened },
      select: { id: true },
    });
    if (texts.length > 0) {
      await tx.preventionAction.createMany({ data: texts.map((text, position) => ({ lessonId: lesson.id, text, position })) });
    }
    return lesson;
  });
}

import 'server-only';
import { getDb } from '@/lib/db';
import type { LessonFormValues } from '@/lib/validation/lessons';
import { insertLesson } from './insert-lesson';

/**
 * A lesson added by hand: a near miss, or something learnt without an incident. Lessons that
 * come out of a recovery are saved by the recovery flow (lib/server/recovery/save-lesson.ts),
 * through the same insertLesson.
 */
export async function createLesson(userId: string, values: LessonFormValues): Promise<{ id: string }> {
  return getDb().$transaction((tx) =>
    insertLesson(tx, {
      userId,
      rootCause: values.rootCause,
      whatHappened: values.whatHappened,
      actionTexts: values.actions.map((action) => action.text),
    }),
  );
}

import 'server-only';
import { getDb } from '@/lib/db';
import type { LessonSide } from '@/lib/domain/lesson-sides';
import { ValidationError } from '@/lib/errors';
import { LESSON_COMPANY_REQUIRED_MESSAGE, type LessonFormValues } from '@/lib/validation/lessons';
import { insertLesson } from './insert-lesson';

/** What the lesson form sends; the side is the candidate's and the company absent unless given. */
export type LessonWrite = Omit<LessonFormValues, 'side' | 'company'> & { side?: LessonSide; company?: string };

/**
 * A lesson added by hand: a near miss, or something learnt without an incident, on either side.
 * An employer-side lesson names the employer, since it is the next interview with them it comes
 * back before; a candidate-side one keeps no company (a near miss is not counted against an
 * employer). Lessons that come out of a recovery are saved by the recovery flow
 * (lib/server/recovery/save-lesson.ts), through the same insertLesson.
 */
export async function createLesson(userId: string, values: LessonWrite): Promise<{ id: string }> {
  const side = values.side ?? 'CANDIDATE';
  if (side === 'EMPLOYER' && !values.company) {
    throw new ValidationError(LESSON_COMPANY_REQUIRED_MESSAGE, { company: LESSON_COMPANY_REQUIRED_MESSAGE });
  }
  return getDb().$transaction((tx) =>
    insertLesson(tx, {
      userId,
      side,
      company: side === 'EMPLOYER' ? values.company : null,
      rootCause: values.rootCause,
      whatHappened: values.whatHappened,
      actionTexts: values.actions.map((action) => action.text),
    }),
  );
}

import 'server-only';
import type { Tx } from '@/lib/db';
import type { RootCause } from '@/lib/domain/lesson-rules';
import { describeAllowedRootCauses, isRootCauseAllowed, type LessonSide } from '@/lib/domain/lesson-sides';
import { ValidationError } from '@/lib/errors';

export type NewLesson = {
  userId: string;
  /** The recovery it came out of; absent for a lesson added by hand. */
  incidentId?: string;
  /** The employer it came from; filled from the incident's interview when absent. */
  company?: string | null;
  rootCause: RootCause;
  /** Whose side it is about; the candidate's when absent (every recovery of a miss or a late arrival). */
  side?: LessonSide;
  whatHappened: string;
  /** Prevention actions in the user's order; blank rows are left out. */
  actionTexts: string[];
};

/**
 * The one writer of a lesson and its prevention actions, inside the caller's transaction. A
 * root cause the side does not allow (traffic on the employer's side) is refused here, whichever
 * form or flow sent it, before anything is written.
 */
export async function insertLesson(tx: Tx, lesson: NewLesson): Promise<{ id: string }> {
  const side = lesson.side ?? 'CANDIDATE';
  if (!isRootCauseAllowed(side, lesson.rootCause)) {
    const message = describeAllowedRootCauses(side);
    throw new ValidationError(message, { rootCause: message });
  }
  const texts = lesson.actionTexts.filter((text) => text.length > 0);
  const company =
    lesson.company ??
    (lesson.incidentId
      ? ((
          await tx.missedIncident.findFirst({
            where: { id: lesson.incidentId, userId: lesson.userId },
            select: { interview: { select: { company: true } } },
          })
        )?.interview.company ?? null)
      : null);
  return tx.lesson.create({
    data: {
      userId: lesson.userId,
      incidentId: lesson.incidentId ?? null,
      company,
      rootCause: lesson.rootCause,
      side,
      whatHappened: lesson.whatHappened,
      actions: { create: texts.map((text, position) => ({ text, position })) },
    },
    select: { id: true },
  });
}

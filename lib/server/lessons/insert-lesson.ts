import 'server-only';
import type { Tx } from '@/lib/db';
import type { RootCause } from '@/lib/domain/lesson-rules';

export type NewLesson = {
  userId: string;
  /** The recovery it came out of; absent for a lesson added by hand. */
  incidentId?: string;
  rootCause: RootCause;
  whatHappened: string;
  /** Prevention actions in the user's order; blank rows are left out. */
  actionTexts: string[];
};

/** The one writer of a lesson and its prevention actions, inside the caller's transaction. */
export async function insertLesson(tx: Tx, lesson: NewLesson): Promise<{ id: string }> {
  const texts = lesson.actionTexts.filter((text) => text.length > 0);
  return tx.lesson.create({
    data: {
      userId: lesson.userId,
      incidentId: lesson.incidentId ?? null,
      rootCause: lesson.rootCause,
      whatHappened: lesson.whatHappened,
      actions: { create: texts.map((text, position) => ({ text, position })) },
    },
    select: { id: true },
  });
}

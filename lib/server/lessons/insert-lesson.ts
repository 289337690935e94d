import 'server-only';
import type { Tx } from '@/lib/db';
import type { RootCause } from '@/lib/domain/lesson-rules';
import type { LessonSide } from '@/lib/generated/prisma/enums';

export type NewLesson = {
  userId: string;
  /** The recovery it came out of; absent for a lesson added by hand. */
  incidentId?: string;
  /** The employer it came from; filled from the incident's interview when absent. */
  company?: string | null;
  rootCause: RootCause;
  whatHappened: string;
  /** Prevention actions in the user's order; blank rows are left out. */
  actionTexts: string[];
  /** Whose side it is about; the candidate's unless said otherwise. */
  side?: LessonSide;
};

/** The one writer of a lesson and its prevention actions, inside the caller's transaction. */
export async function insertLesson(tx: Tx, lesson: NewLesson): Promise<{ id: string }> {
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
      whatHappened: lesson.whatHappened,
      ...(lesson.side ? { side: lesson.side } : {}),
      actions: { create: texts.map((text, position) => ({ text, position })) },
    },
    select: { id: true },
  });
}

import 'server-only';
import { getDb } from '@/lib/db';
import { describeAllowedRootCauses, isRootCauseAllowed, type LessonSide } from '@/lib/domain/lesson-sides';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { LESSON_COMPANY_REQUIRED_MESSAGE } from '@/lib/validation/lessons';
import type { LessonWrite } from './create-lesson';

export const STALE_LESSON_MESSAGE =
  'This lesson changed in another tab or window since you opened it. Reload to see the latest version; nothing was saved.';

/**
 * Saves an edit. Rows with an actionId edit that action, rows without one add an action, and
 * active actions missing from the form are deleted (the user removed them). Retired actions
 * are not in the form and are kept as they are: they record what became habit.
 *
 * The side may change (the user may see later that the mix-up was the employer's); absent, it
 * stays. The company of a lesson from a recovery is its interview's and stays; a lesson added
 * by hand names one on the employer's side and none on the candidate's (lessonCompanyAfterEdit).
 */
export async function updateLesson(userId: string, lessonId: string, values: LessonWrite): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const lesson = await tx.lesson.findFirst({
      where: { id: lessonId, userId },
      select: {
        id: true,
        incidentId: true,
        company: true,
        side: true,
        actions: { select: { id: true, retiredAt: true } },
      },
    });
    if (!lesson) throw new NotFoundError('lesson');
    const side = values.side ?? lesson.side;
    if (!isRootCauseAllowed(side, values.rootCause)) {
      const message = describeAllowedRootCauses(side);
      throw new ValidationError(message, { rootCause: message });
    }
    const company = lessonCompanyAfterEdit(lesson, side, values.company);

    const activeIds = new Set(lesson.actions.filter((action) => action.retiredAt === null).map((action) => action.id));
    const rows = values.actions.filter((action) => action.text.length > 0);
    const keptIds = new Set<string>();
    for (const row of rows) {
      if (row.actionId === undefined) continue;
      // An id that is not an active action of this lesson means the form is out of date (or forged).
      if (!activeIds.has(row.actionId) || keptIds.has(row.actionId)) throw new ValidationError(STALE_LESSON_MESSAGE);
      keptIds.add(row.actionId);
    }
    await tx.lesson.update({
      where: { id: lesson.id },
      data: { rootCause: values.rootCause, side, company, whatHappened: values.whatHappened },
    });
    const removed = [...activeIds].filter((id) => !keptIds.has(id));
    if (removed.length > 0)
      await tx.preventionAction.deleteMany({ where: { lessonId: lesson.id, id: { in: removed } } });
    // Positions follow the form's order; at most ACTIONS_MAX rows, so the updates stay few.
    const positioned = rows.map((row, position) => ({ ...row, position }));
    await Promise.all(
      positioned.flatMap((row) =>
        row.actionId
          ? [
              tx.preventionAction.update({
                where: { id: row.actionId, lessonId: lesson.id },
                data: { text: row.text, position: row.position },
              }),
            ]
          : [],
      ),
    );
    const added = positioned.filter((row) => row.actionId === undefined);
    if (added.length > 0) {
      await tx.preventionAction.createMany({
        data: added.map((row) => ({ lessonId: lesson.id, text: row.text, position: row.position })),
      });
    }
  });
}

/**
 * A lesson from a recovery keeps its interview's company. A lesson added by hand names the
 * employer on the employer's side (required: it is what brings it back before the next interview
 * with them); turned to the candidate's side it drops it, since a near miss is nobody else's. A
 * candidate-side lesson that stays so keeps what it had: one whose interview was deleted keeps
 * the company it came from.
 */
function lessonCompanyAfterEdit(
  lesson: { incidentId: string | null; company: string | null; side: LessonSide },
  side: LessonSide,
  submitted: string | undefined,
): string | null {
  if (lesson.incidentId && lesson.company) return lesson.company;
  if (side === 'EMPLOYER') {
    const company = submitted ?? lesson.company;
    if (!company)
      throw new ValidationError(LESSON_COMPANY_REQUIRED_MESSAGE, { company: LESSON_COMPANY_REQUIRED_MESSAGE });
    return company;
  }
  return lesson.side === 'EMPLOYER' && !lesson.incidentId ? null : lesson.company;
}

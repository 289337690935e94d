import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { LessonFormValues } from '@/lib/validation/lessons';

export const STALE_LESSON_MESSAGE =
  'This lesson changed in another tab or window since you opened it. Reload to see the latest version; nothing was saved.';

/**
 * Saves an edit. Rows with an actionId edit that action, rows without one add an action, and
 * active actions missing from the form are deleted (the user removed them). Retired actions
 * are not in the form and are kept as they are: they record what became habit.
 */
export async function updateLesson(userId: string, lessonId: string, values: LessonFormValues): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const lesson = await tx.lesson.findFirst({
      where: { id: lessonId, userId },
      select: { id: true, actions: { select: { id: true, retiredAt: true } } },
    });
    if (!lesson) throw new NotFoundError('lesson');

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
      data: { rootCause: values.rootCause, whatHappened: values.whatHappened },
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

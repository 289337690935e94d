import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

/**
 * Marks a prevention action as habit: it stays on the lesson but no longer prompts before
 * interviews. Retiring one that is already retired keeps its first date.
 */
export async function retirePreventionAction(
  userId: string,
  actionId: string,
  now = new Date(),
): Promise<{ lessonId: string }> {
  return getDb().$transaction(async (tx) => {
    // PreventionAction has no userId of its own; ownership goes through its lesson.
    const action = await tx.preventionAction.findFirst({
      where: { id: actionId, lesson: { userId } },
      select: { lessonId: true, retiredAt: true },
    });
    if (!action) throw new NotFoundError('prevention action');
    if (action.retiredAt === null) {
      await tx.preventionAction.updateMany({
        where: { id: actionId, lesson: { userId }, retiredAt: null },
        data: { retiredAt: now },
      });
    }
    return { lessonId: action.lessonId };
  });
}

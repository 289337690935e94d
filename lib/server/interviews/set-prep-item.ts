import 'server-only';
import { getDb } from '@/lib/db';
import { findPrepItem, isSecondChance } from '@/lib/domain/prep-checklist';
import { ValidationError } from '@/lib/errors';
import { recordActivity } from '@/lib/server/activity';
import { lockInterview } from '../interview-lock';

/** Ticks or unticks one prep item; the tick's time is kept. */
export async function setPrepItem(userId: string, id: string, itemId: string, checked: boolean): Promise<void> {
  await getDb().$transaction(async (tx) => {
    // Locked so two quick ticks cannot overwrite each other's key in the JSON column.
    await lockInterview(tx, userId, id);
    const interview = await tx.interview.findFirstOrThrow({
      where: { id, userId },
      select: { prepChecklist: true, format: true, rescheduledFrom: { select: { _count: { select: { incidents: true } } } } },
    });
    const item = findPrepItem(interview.format, isSecondChance(interview), itemId);
    if (!item) throw new ValidationError('That checklist item does not apply to this interview.');
    const ticks = { ...((interview.prepChecklist ?? {}) as Record<string, string>) };
    if (checked) ticks[itemId] = new Date().toISOString();
    else delete ticks[itemId];
    await tx.interview.update({ where: { id }, data: { prepChecklist: ticks } });
    await recordActivity(tx, [
      { userId, interviewId: id, type: 'CHECKLIST_UPDATED', summary: `${checked ? 'Ticked' : 'Unticked'} “${item.label}”`, details: { itemId, checked } },
    ]);
  });
}

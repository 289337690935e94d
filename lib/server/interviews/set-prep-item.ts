import 'server-only';
import { getDb } from '@/lib/db';
import { findPrepItem, isSecondChance } from '@/lib/domain/prep-checklist';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { writePrepTick } from './write-prep-tick';

/** Ticks or unticks one prep item on the interview page; the first tick's time is kept. */
export async function setPrepItem(userId: string, id: string, itemId: string, checked: boolean): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const interview = await tx.interview.findFirst({
      where: { id, userId },
      select: { format: true, rescheduledFrom: { select: { _count: { select: { incidents: true } } } } },
    });
    if (!interview) throw new NotFoundError('interview');
    const item = findPrepItem(interview.format, isSecondChance(interview), itemId);
    if (!item) throw new ValidationError('That checklist item does not apply to this interview.');
    await writePrepTick(tx, { userId, interviewId: id, itemId, label: item.label, checked });
  });
}

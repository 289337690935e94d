import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordActivity } from './record-activity';
import { lockInterview } from './lock-interview';

/** The stored ticks (item id → when it was ticked); anything else in the column reads as none. */
export function readPrepTicks(value: Prisma.JsonValue): Prisma.JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
}

/**
 * The one writer of an interview's prep checklist (the JSON column), for the interview page and
 * the second-chance step alike: locks the row so two quick ticks cannot overwrite each other's
 * key, keeps the time of the first tick, and records the change on the timeline. The caller has
 * checked that the item applies to the interview.
 */
export async function writePrepTick(
  tx: Tx,
  tick: { userId: string; interviewId: string; itemId: string; label: string; checked: boolean },
): Promise<void> {
  const { userId, interviewId, itemId, label, checked } = tick;
  await lockInterview(tx, userId, interviewId);
  const { prepChecklist } = await tx.interview.findFirstOrThrow({
    where: { id: interviewId, userId },
    select: { prepChecklist: true },
  });
  const ticks = readPrepTicks(prepChecklist);
  if (checked) ticks[itemId] ??= new Date().toISOString();
  else delete ticks[itemId];
  await tx.interview.update({ where: { id: interviewId, userId }, data: { prepChecklist: ticks } });
  await recordActivity(tx, [
    {
      userId,
      interviewId,
      type: 'CHECKLIST_UPDATED',
      summary: `${checked ? 'Ticked' : 'Unticked'}: ${label}.`,
      details: { itemId, checked },
    },
  ]);
}

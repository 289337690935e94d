import 'server-only';
import type { Tx } from '@/lib/db';
import { continueCalendarEntry } from '@/lib/domain/calendar';
import { NotFoundError } from '@/lib/errors';

/**
 * The new slot of a moved interview takes over the old slot's calendar entry: its UID, and a
 * SEQUENCE above the old slot's, so a calendar holding the old slot moves that one event. Runs
 * inside the caller's transaction, after the old slot's own status change (which raises its
 * SEQUENCE too), so the new slot's is compared with the old one's final value.
 */
export async function carryCalendarEntry(tx: Tx, userId: string, oldId: string, newId: string): Promise<void> {
  const rows = await tx.interview.findMany({
    where: { userId, id: { in: [oldId, newId] } },
    select: { id: true, calendarUid: true, calendarSequence: true },
  });
  const old = rows.find((row) => row.id === oldId);
  const replacement = rows.find((row) => row.id === newId);
  if (!old || !replacement) throw new NotFoundError('interview');
  await tx.interview.update({
    where: { id: replacement.id, userId },
    data: continueCalendarEntry(old, replacement),
    select: { id: true },
  });
}

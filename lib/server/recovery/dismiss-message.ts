import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { syncIncidentReminders } from '@/lib/server/reminders/sync-incident-reminders';
import { type MessageRefValues } from '@/lib/validation/recovery';
import { loadIncidentForUpdate } from './incident-access';

/**
 * The user decided not to send a draft after all: it stops being listed as still to send, and
 * its recovery's reminders are recomputed in the same transaction (a dismissed thank-you needs
 * no nudge). The text stays in the recovery's history. Dismissing twice answers like the first time.
 *
 * Throws NotFoundError for a message that is missing or not the user's, and ValidationError for
 * one that was sent (or is being sent) already.
 */
export async function dismissMessage(userId: string, data: MessageRefValues): Promise<{ dismissedAt: Date }> {
  const db = getDb();
  const dismissedAt = new Date();
  const dismissed = await db.$transaction(async (tx) => {
    const owner = await tx.message.findFirst({ where: { id: data.messageId, userId }, select: { incidentId: true } });
    // The incident first, as every recovery write locks it, so this and the dispatcher take turns.
    if (owner?.incidentId) await loadIncidentForUpdate(tx, userId, owner.incidentId);
    const { count } = await tx.message.updateMany({
      where: { id: data.messageId, userId, status: { in: ['DRAFT', 'FAILED'] }, dismissedAt: null },
      data: { dismissedAt },
    });
    if (count === 1 && owner?.incidentId) await syncIncidentReminders(tx, userId, owner.incidentId, dismissedAt);
    return count === 1;
  });
  if (dismissed) return { dismissedAt };
  const message = await db.message.findFirst({
    where: { id: data.messageId, userId },
    select: { status: true, dismissedAt: true },
  });
  if (!message) throw new NotFoundError('message');
  if (message.dismissedAt) return { dismissedAt: message.dismissedAt };
  throw new ValidationError('This message has been sent already, so there is nothing to dismiss.');
}

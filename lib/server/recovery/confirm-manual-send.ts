import 'server-only';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { type ConfirmManualSendValues } from '@/lib/validation/recovery';
import { assertReadyToSend, findSendableMessage, recordMessageSent } from './message-sending';

export type ConfirmManualSendResult = { sentAt: Date; isRepeat: boolean };

/**
 * The user says they sent the message from their own mail (the mailto: link or a copy): it
 * becomes SENT with delivery MANUAL ("sent by you") and advances the flow exactly like a send
 * through SMTP. Confirming twice answers with the first confirmation.
 *
 * Throws NotFoundError for a message that is missing or not the user's, and ValidationError for a
 * message being sent through SMTP right now, a non-email message, or an apology whose step is not
 * open yet.
 */
export async function confirmManualSend(
  userId: string,
  data: ConfirmManualSendValues,
): Promise<ConfirmManualSendResult> {
  return getDb().$transaction(async (tx) => {
    const message = await findSendableMessage(tx, userId, data.messageId);
    if (message.status === 'SENT' && message.sentAt) return { sentAt: message.sentAt, isRepeat: true };
    if (message.status === 'SENDING') {
      throw new ValidationError('This message is being sent by email right now. Wait a moment and reload the page.');
    }
    assertReadyToSend(message);
    const sentAt = new Date();
    const { count } = await tx.message.updateMany({
      where: { id: message.id, userId, status: { in: ['DRAFT', 'FAILED'] } },
      data: { status: 'SENT', delivery: 'MANUAL', sentAt, failureReason: null },
    });
    if (count === 0) throw new ValidationError('This message changed in another tab. Reload the page and try again.');
    await recordMessageSent(tx, message, { delivery: 'MANUAL', sentAt });
    return { sentAt, isRepeat: false };
  });
}

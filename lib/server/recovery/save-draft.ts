import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { type MessageStatus } from '@/lib/generated/prisma/enums';
import { type SaveDraftValues } from '@/lib/validation/recovery';

export type SaveDraftResult = { messageId: string; revisionCreated: boolean; savedAt: Date };

const EDITABLE: MessageStatus[] = ['DRAFT', 'FAILED'];

const LOCKED_MESSAGES: Record<'SENDING' | 'SENT', string> = {
  SENDING: 'This message is being sent right now, so it can no longer be edited.',
  SENT: 'This message has already been sent, so it can no longer be edited. Its text is kept in the history.',
};

/**
 * Autosave for a draft (or a failed send): stores the latest subject, body and recipient, and
 * appends a MessageRevision only when the subject or body changed, so leaving and coming back
 * always shows the latest text and every version stays in the history.
 *
 * Throws NotFoundError for a message that is missing or not the user's, and ValidationError for a
 * message that is being sent or was sent.
 */
export async function saveDraft(userId: string, data: SaveDraftValues): Promise<SaveDraftResult> {
  return getDb().$transaction(async (tx) => {
    const message = await tx.message.findFirst({
      where: { id: data.messageId, userId },
      select: { id: true, status: true, subject: true, body: true },
    });
    if (!message) throw new NotFoundError('message');
    // Scripts and notes have no subject; an empty one from the form keeps it that way.
    const subject = data.subject === undefined ? message.subject : data.subject || null;
    // Conditional on the status, so a send that claimed the message a moment ago wins.
    const { count } = await tx.message.updateMany({
      where: { id: message.id, userId, status: { in: EDITABLE } },
      data: { subject, body: data.body, ...(data.recipient === undefined ? {} : { recipient: data.recipient }) },
    });
    if (count === 0) {
      throw new ValidationError(message.status === 'SENT' ? LOCKED_MESSAGES.SENT : LOCKED_MESSAGES.SENDING);
    }
    const revisionCreated = subject !== message.subject || data.body !== message.body;
    if (revisionCreated) {
      await tx.messageRevision.create({ data: { messageId: message.id, subject, body: data.body } });
    }
    return { messageId: message.id, revisionCreated, savedAt: new Date() };
  });
}

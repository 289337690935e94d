import 'server-only';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { buildMailtoLink } from '@/lib/domain/mailto';
import { ValidationError } from '@/lib/errors';
import { MailDeliveryError, MailInputError, sendMail } from '@/lib/mail';
import { type SendMessageValues } from '@/lib/validation/recovery';
import { isUniqueViolation } from './guards';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { type SendableMessage, assertReadyToSend, findSendableMessage, recordMessageSent } from './message-sending';

export type SendMessageResult =
  | { status: 'SENT'; transport: 'smtp' | 'manual'; sentAt: Date; isRepeat: boolean }
  | { status: 'DRAFT'; transport: 'outbox'; mailto: string; file: string }
  | { status: 'FAILED'; transport: 'smtp'; reason: string; retryable: boolean };

// Every SMTP timeout in lib/mail is 10 s, so a claim this old belongs to a process that died
// mid-send. Taking it over risks a duplicate only in that case; refusing forever would strand the
// message with no way to send or edit it.
const STALE_SENDING_MS = 10 * 60_000;

const BEING_SENT =
  'This message is being sent right now (perhaps from another tab). Wait a moment and reload the page.';
const ALREADY_SENT = 'This message has already been sent.';
const REUSED_KEY = 'This send request was already used for another message. Reload the page and try again.';

/**
 * Sends an email message exactly once. The message is claimed with one conditional update
 * (DRAFT/FAILED → SENDING with the idempotency key); only the claimer talks to the mail server.
 * - delivered: SENT (SMTP), and the apology moves the incident SEND → OUTCOME;
 * - a retry with the same key after success answers with the earlier result;
 * - refused or unreachable server: FAILED with the reason, the text kept, retryable;
 * - no SMTP configured: written to the outbox and left a DRAFT for the user to send with the
 *   mailto: link and then confirm with confirmManualSend.
 *
 * Throws NotFoundError for a message that is missing or not the user's; ValidationError (nothing
 * changed) for a message already sent or being sent, a non-email message, or an apology whose
 * step is not open yet (the state machine's message).
 */
export async function sendMessage(userId: string, data: SendMessageValues): Promise<SendMessageResult> {
  const db = getDb();
  const message = await findSendableMessage(db, userId, data.messageId);
  const earlier = answerUnclaimable(message, data.idempotencyKey);
  if (earlier) return earlier;
  assertReadyToSend(message);

  if (!(await claimMessage(userId, message.id, data))) {
    // Someone else claimed it between the read and the claim: answer from what they did.
    const current = await findSendableMessage(db, userId, data.messageId);
    const answer = answerUnclaimable(current, data.idempotencyKey);
    if (answer) return answer;
    throw new ValidationError(BEING_SENT);
  }
  return deliver(userId, message, data);
}

/** The answer for a message that cannot be claimed, or null when it can. */
function answerUnclaimable(message: SendableMessage, idempotencyKey: string): SendMessageResult | null {
  if (message.status === 'SENT') {
    if (message.idempotencyKey === idempotencyKey && message.sentAt) {
      const transport = message.delivery === 'MANUAL' ? 'manual' : 'smtp';
      return { status: 'SENT', transport, sentAt: message.sentAt, isRepeat: true };
    }
    throw new ValidationError(ALREADY_SENT);
  }
  if (message.status === 'SENDING' && !isStaleClaim(message)) throw new ValidationError(BEING_SENT);
  return null;
}

function isStaleClaim(message: SendableMessage): boolean {
  return message.updatedAt.getTime() < Date.now() - STALE_SENDING_MS;
}

async function claimMessage(userId: string, messageId: string, data: SendMessageValues): Promise<boolean> {
  try {
    return await getDb().$transaction(async (tx) => {
      const staleBefore = new Date(Date.now() - STALE_SENDING_MS);
      const { count } = await tx.message.updateMany({
        where: {
          id: messageId,
          userId,
          OR: [{ status: { in: ['DRAFT', 'FAILED'] } }, { status: 'SENDING', updatedAt: { lt: staleBefore } }],
        },
        data: {
          status: 'SENDING',
          idempotencyKey: data.idempotencyKey,
          recipient: data.recipient,
          subject: data.subject,
          body: data.body,
          failureReason: null,
        },
      });
      if (count === 0) return false;
      // The text sent is the final version; keep it in the history unless autosave already did.
      const latest = await tx.messageRevision.findFirst({
        where: { messageId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { subject: true, body: true },
      });
      if (latest?.subject !== data.subject || latest.body !== data.body) {
        await tx.messageRevision.create({ data: { messageId, subject: data.subject, body: data.body } });
      }
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError(REUSED_KEY);
    throw error;
  }
}

async function deliver(userId: string, message: SendableMessage, data: SendMessageValues): Promise<SendMessageResult> {
  let result: Awaited<ReturnType<typeof sendMail>>;
  try {
    result = await sendMail({
      to: data.recipient,
      subject: data.subject,
      text: data.body,
      replyTo: message.user.email,
      messageId: buildMessageId(message.id),
    });
  } catch (error) {
    return recordFailure(userId, message, data.idempotencyKey, error);
  }
  const claimed = { id: message.id, userId, status: 'SENDING' as const, idempotencyKey: data.idempotencyKey };
  if (result.transport === 'outbox') {
    // Not sent: the user sends it from their own mail and confirms; until then it stays a draft.
    await getDb().message.updateMany({ where: claimed, data: { status: 'DRAFT', delivery: 'MANUAL' } });
    return { status: 'DRAFT', transport: 'outbox', mailto: buildMailtoLink(data), file: result.file };
  }
  const sentAt = new Date();
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.message.updateMany({
      where: claimed,
      data: { status: 'SENT', delivery: 'SMTP', sentAt, failureReason: null },
    });
    if (count > 0) await recordMessageSent(tx, message, { delivery: 'SMTP', sentAt });
  });
  return { status: 'SENT', transport: 'smtp', sentAt, isRepeat: false };
}

async function recordFailure(
  userId: string,
  message: SendableMessage,
  idempotencyKey: string,
  error: unknown,
): Promise<SendMessageResult> {
  const isKnown = error instanceof MailDeliveryError || error instanceof MailInputError;
  const reason = isKnown ? error.message : 'Sending stopped because of an unexpected error. Try again in a moment.';
  const retryable = error instanceof MailDeliveryError ? error.retryable : !isKnown;
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.message.updateMany({
      where: { id: message.id, userId, status: 'SENDING', idempotencyKey },
      data: { status: 'FAILED', failureReason: reason },
    });
    if (count === 0 || !message.interviewId) return;
    await recordActivity(tx, [
      {
        userId,
        interviewId: message.interviewId,
        type: 'MESSAGE_FAILED',
        summary: 'Email could not be sent.',
        details: { messageId: message.id, kind: message.kind, reason, retryable },
      },
    ]);
  });
  if (!isKnown) throw error;
  return { status: 'FAILED', transport: 'smtp', reason, retryable };
}

/** Stable per message, so a retry after an ambiguous failure can be recognised as the same mail. */
function buildMessageId(messageId: string): string {
  return `<recovery-${messageId}@${getEnv().mailDomain}>`;
}

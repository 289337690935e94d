import 'server-only';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { buildMailtoLink } from '@/lib/domain/mailto';
import { ValidationError } from '@/lib/errors';
import { MailDeliveryError, MailInputError, sendMail } from '@/lib/mail';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { isUniqueViolation } from '@/lib/server/recovery/guards';
import { type SendLateNoticeValues } from '@/lib/validation/late-notice';
import { REUSED_KEY, lateNoticeEvent, lockAndDraftLateNotice } from './late-notice-draft';

export type SendLateNoticeResult =
  | { status: 'SENT'; sentAt: Date; minutesLate: number; isRepeat: boolean }
  | { status: 'DRAFT'; mailto: string }
  | { status: 'FAILED'; reason: string; retryable: boolean };

export const NO_CONTACT_EMAIL =
  'There is no email address for this interview’s contact. Text or call them instead, or add their email on the edit page.';
const BEING_SENT = 'This notice is being sent right now. Wait a moment and reload the page.';

type Claimed = {
  messageId: string;
  interviewId: string;
  minutesLate: number;
  idempotencyKey: string;
  recipient: string;
  subject: string;
  body: string;
  replyTo: string;
  expectedAt: Date;
  timeZone: string;
};

/**
 * Emails the running-late notice to the interview's contact, once: the message is written as
 * SENDING with the request's idempotency key under the interview's lock, so a double tap (same
 * key) finds it and answers from it instead of sending again. Once delivered, the message turns
 * SENT and the timeline entry is written in one transaction. Without SMTP the notice is left a
 * draft with a mailto: link; a refused or unreachable server leaves it FAILED, retryable with the
 * same key. A contact without an email address is refused before anything is written.
 */
export async function sendLateNotice(
  userId: string,
  values: SendLateNoticeValues,
  now = new Date(),
): Promise<SendLateNoticeResult> {
  const claim = await claimLateNotice(userId, values, now);
  if ('answer' in claim) return claim.answer;
  return deliver(userId, claim.claimed);
}

async function claimLateNotice(
  userId: string,
  values: SendLateNoticeValues,
  now: Date,
): Promise<{ answer: SendLateNoticeResult } | { claimed: Claimed }> {
  try {
    return await getDb().$transaction(async (tx) => {
      const { interview, user, draft } = await lockAndDraftLateNotice(tx, userId, values, now);
      const base = {
        interviewId: interview.id,
        minutesLate: values.minutesLate,
        idempotencyKey: values.idempotencyKey,
        replyTo: user.email,
        expectedAt: draft.expectedAt,
        timeZone: interview.timeZone,
      };
      const earlier = await tx.message.findFirst({
        where: { userId, idempotencyKey: values.idempotencyKey },
        select: { id: true, interviewId: true, status: true, sentAt: true, recipient: true, subject: true, body: true },
      });
      if (earlier) {
        if (earlier.interviewId !== interview.id) throw new ValidationError(REUSED_KEY);
        const mail = { recipient: earlier.recipient ?? '', subject: earlier.subject ?? '', body: earlier.body };
        if (earlier.status === 'SENT' && earlier.sentAt) {
          return {
            answer: { status: 'SENT', sentAt: earlier.sentAt, minutesLate: values.minutesLate, isRepeat: true },
          };
        }
        if (earlier.status === 'DRAFT') return { answer: { status: 'DRAFT', mailto: buildMailtoLink(mail) } };
        if (earlier.status === 'SENDING') throw new ValidationError(BEING_SENT);
        // FAILED: the same notice again, with the text it was written with.
        await tx.message.updateMany({
          where: { id: earlier.id, userId, status: 'FAILED' },
          data: { status: 'SENDING', failureReason: null },
        });
        return { claimed: { ...base, ...mail, messageId: earlier.id } };
      }
      const recipient = interview.contactEmail?.trim();
      if (!recipient) throw new ValidationError(NO_CONTACT_EMAIL);
      const message = await tx.message.create({
        data: {
          userId,
          interviewId: interview.id,
          kind: 'LATE_NOTICE',
          channel: 'EMAIL',
          recipient,
          subject: draft.subject,
          body: draft.body,
          status: 'SENDING',
          idempotencyKey: values.idempotencyKey,
        },
        select: { id: true },
      });
      return { claimed: { ...base, recipient, subject: draft.subject, body: draft.body, messageId: message.id } };
    });
  } catch (error) {
    // The key is taken by a message this user cannot see: the request is not a repeat of this one.
    if (isUniqueViolation(error)) throw new ValidationError(REUSED_KEY);
    throw error;
  }
}

async function deliver(userId: string, claimed: Claimed): Promise<SendLateNoticeResult> {
  const mine = { id: claimed.messageId, userId, status: 'SENDING' as const, idempotencyKey: claimed.idempotencyKey };
  let transport: 'smtp' | 'outbox';
  try {
    ({ transport } = await sendMail({
      to: claimed.recipient,
      subject: claimed.subject,
      text: claimed.body,
      replyTo: claimed.replyTo,
      messageId: `<late-${claimed.messageId}@${getEnv().mailDomain}>`,
    }));
  } catch (error) {
    return recordFailure(userId, claimed, error);
  }
  if (transport === 'outbox') {
    await getDb().message.updateMany({ where: mine, data: { status: 'DRAFT', delivery: 'MANUAL' } });
    return { status: 'DRAFT', mailto: buildMailtoLink(claimed) };
  }
  const sentAt = new Date();
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.message.updateMany({ where: mine, data: { status: 'SENT', delivery: 'SMTP', sentAt } });
    if (count === 0) return;
    await recordActivity(tx, [lateNoticeEvent(userId, { ...claimed, channel: 'EMAIL' }, claimed)]);
  });
  return { status: 'SENT', sentAt, minutesLate: claimed.minutesLate, isRepeat: false };
}

async function recordFailure(userId: string, claimed: Claimed, error: unknown): Promise<SendLateNoticeResult> {
  const isKnown = error instanceof MailDeliveryError || error instanceof MailInputError;
  const reason = isKnown ? error.message : 'Sending stopped because of an unexpected error. Try again in a moment.';
  const retryable = error instanceof MailDeliveryError ? error.retryable : !isKnown;
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.message.updateMany({
      where: { id: claimed.messageId, userId, status: 'SENDING', idempotencyKey: claimed.idempotencyKey },
      data: { status: 'FAILED', failureReason: reason },
    });
    if (count === 0) return;
    await recordActivity(tx, [
      {
        userId,
        interviewId: claimed.interviewId,
        type: 'MESSAGE_FAILED',
        summary: 'The running-late email could not be sent.',
        details: { messageId: claimed.messageId, kind: 'LATE_NOTICE', reason, retryable },
      },
    ]);
  });
  if (!isKnown) throw error;
  return { status: 'FAILED', reason, retryable };
}

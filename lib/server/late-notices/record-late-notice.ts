import 'server-only';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { isUniqueViolation } from '@/lib/server/recovery/guards';
import { type RecordLateNoticeValues } from '@/lib/validation/late-notice';
import { REUSED_KEY, lateNoticeEvent, lockAndDraftLateNotice } from './late-notice-draft';

export type RecordLateNoticeResult = { sentAt: Date; minutesLate: number; isRepeat: boolean };

/**
 * Records a running-late notice the user gave from their own phone (a text or a call): the
 * message, marked sent by hand, and its timeline entry in one transaction. The same key twice
 * records it once.
 */
export async function recordLateNotice(
  userId: string,
  values: RecordLateNoticeValues,
  now = new Date(),
): Promise<RecordLateNoticeResult> {
  try {
    return await getDb().$transaction(async (tx) => {
      const { interview, draft } = await lockAndDraftLateNotice(tx, userId, values, now);
      const earlier = await tx.message.findFirst({
        where: { userId, idempotencyKey: values.idempotencyKey },
        select: { interviewId: true, sentAt: true },
      });
      if (earlier) {
        if (earlier.interviewId !== interview.id || !earlier.sentAt) throw new ValidationError(REUSED_KEY);
        return { sentAt: earlier.sentAt, minutesLate: values.minutesLate, isRepeat: true };
      }
      const sentAt = new Date();
      const message = await tx.message.create({
        data: {
          userId,
          interviewId: interview.id,
          kind: 'LATE_NOTICE',
          channel: 'PHONE',
          recipient: interview.contactPhone,
          body: draft.body,
          status: 'SENT',
          delivery: 'MANUAL',
          sentAt,
          idempotencyKey: values.idempotencyKey,
        },
        select: { id: true },
      });
      const notice = { ...values, interviewId: interview.id, messageId: message.id };
      await recordActivity(tx, [
        lateNoticeEvent(userId, notice, { expectedAt: draft.expectedAt, timeZone: interview.timeZone }),
      ]);
      return { sentAt, minutesLate: values.minutesLate, isRepeat: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError(REUSED_KEY);
    throw error;
  }
}

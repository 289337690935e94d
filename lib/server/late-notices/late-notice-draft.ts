import 'server-only';
import type { Tx } from '@/lib/db';
import {
  type LateNoticeChannel,
  type LateNoticeDetails,
  type LateNoticeDraft,
  draftLateNotice,
  formatClock,
  listLateChoices,
} from '@/lib/domain/late-notice';
import { isValidTimeZone } from '@/lib/domain/time';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { type ActivityEventInput } from '@/lib/server/interviews/record-activity';
import { lockInterview } from '@/lib/server/interviews/lock-interview';

export const REUSED_KEY = 'This request was already used for another notice. Reload the page and try again.';

const TOO_LATE =
  'A running-late notice is only offered before the interview and shortly after its start. If you missed it, use “Running late / can’t make it”.';

export type LockedLateNotice = {
  interview: { id: string; contactEmail: string | null; contactPhone: string | null; timeZone: string };
  user: { email: string };
  draft: LateNoticeDraft;
};

/**
 * Locks the user's interview (so a double tap waits for the first to finish) and drafts the
 * notice from what is stored, never from what the browser sent: the text that goes out is the
 * one the checklist holds. Refuses a delay that is no longer on offer (the interview started
 * too long ago, has ended, or is not scheduled any more).
 */
export async function lockAndDraftLateNotice(
  tx: Tx,
  userId: string,
  input: { interviewId: string; minutesLate: number },
  now: Date,
): Promise<LockedLateNotice> {
  await lockInterview(tx, userId, input.interviewId);
  const interview = await tx.interview.findFirst({
    where: { id: input.interviewId, userId },
    select: {
      id: true,
      status: true,
      scheduledStart: true,
      durationMinutes: true,
      travelMinutes: true,
      bufferMinutes: true,
      timeZone: true,
      format: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      user: { select: { name: true, email: true } },
    },
  });
  if (!interview) throw new NotFoundError('interview');
  if (!listLateChoices(interview, now).some((minutes) => minutes === input.minutesLate)) {
    throw new ValidationError(TOO_LATE, { minutesLate: TOO_LATE });
  }
  const draft = draftLateNotice({ ...interview, candidateName: interview.user.name }, input.minutesLate);
  return { interview, user: interview.user, draft };
}

const CHANNEL_WORDS: Record<LateNoticeChannel, string> = { EMAIL: 'by email', TEXT: 'by text', CALL: 'by phone' };

/** The timeline entry of a notice that went out; findLateNotice reads its details back. */
export function lateNoticeEvent(
  userId: string,
  notice: { interviewId: string; messageId: string; minutesLate: number; channel: LateNoticeChannel },
  expected: { expectedAt: Date; timeZone: string },
): ActivityEventInput {
  const zone = isValidTimeZone(expected.timeZone) ? expected.timeZone : 'UTC';
  const details: LateNoticeDetails = {
    kind: 'LATE_NOTICE',
    minutesLate: notice.minutesLate,
    channel: notice.channel,
    messageId: notice.messageId,
  };
  return {
    userId,
    interviewId: notice.interviewId,
    type: 'MESSAGE_SENT',
    summary: `Told them ${CHANNEL_WORDS[notice.channel]} you’d be about ${notice.minutesLate} minutes late (expected ${formatClock(expected.expectedAt, zone)}).`,
    details,
  };
}

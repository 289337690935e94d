// The words the recovery screens use for the stored enum values. Kept in one place so the
// stepper, the step panels and the message history never describe the same thing differently.
// The enum types come from Prisma's generated enums.ts, which is plain constants: no client,
// no I/O, so this file stays a pure domain module.
import type { IncidentOutcome } from './recovery-state';
import type {
  CallResult,
  MessageChannel,
  MessageDelivery,
  MessageKind,
  MessageStatus,
} from '@/lib/generated/prisma/enums';

/** What the employer said on the phone; NONE when nobody answered or nothing was decided. */
export const CALL_RESPONSES = ['AGREED', 'REFUSED', 'WILL_GET_BACK', 'NONE'] as const;
export type CallResponse = (typeof CALL_RESPONSES)[number];

export const CALL_RESULT_LABELS: Record<CallResult, string> = {
  REACHED: 'I reached them',
  VOICEMAIL: 'I left a voicemail',
  NO_ANSWER: 'Nobody answered',
};

export const CALL_RESPONSE_LABELS: Record<CallResponse, string> = {
  AGREED: 'They agreed to reschedule',
  REFUSED: 'They refused',
  WILL_GET_BACK: 'They will get back to me',
  NONE: 'Nothing was decided',
};

// A request stored before the call's answer was kept, or by a flow that skipped the call.
const UNKNOWN_CALL = 'Nobody answered, or the call was not recorded.';

/** "I reached them · They will get back to me": the call as the step record and history show it. */
export function describeCall(
  call: { callResult: CallResult | null; callResponse: CallResponse | null } | null | undefined,
): string {
  if (!call?.callResult) return UNKNOWN_CALL;
  const result = CALL_RESULT_LABELS[call.callResult];
  if (call.callResult !== 'REACHED') return result;
  return `${result} · ${call.callResponse ? CALL_RESPONSE_LABELS[call.callResponse] : 'what they said was not recorded'}`;
}

export const ANSWER_LABELS = {
  ACCEPTED: 'They agreed to a new time',
  DECLINED: 'They declined',
  NO_RESPONSE: 'No answer yet',
} as const;

export const OUTCOME_LABELS: Record<IncidentOutcome, string> = {
  RESCHEDULED: 'Rescheduled: they agreed to a new time',
  DECLINED: 'They declined to reschedule',
  NO_RESPONSE: 'No answer came',
  ATTENDED_LATE: 'Arrived late and was still seen',
  WITHDRAWN: 'You withdrew',
};

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  CALL_SCRIPT: 'Call script',
  APOLOGY: 'Apology and request to reschedule',
  RESCHEDULE_REQUEST: 'Request to reschedule',
  FOLLOW_UP: 'Polite follow-up',
  THANK_YOU_ACCEPTED: 'Thank-you for the second chance',
  THANK_YOU_DECLINED: 'Thank-you for their consideration',
  PREP_NOTE: 'Note for the new interview',
  LATE_NOTICE: 'Running-late notice',
  NO_SHOW_CHECK_IN: 'Note while waiting for them',
};

export const CHANNEL_LABELS: Record<MessageChannel, string> = {
  PHONE: 'Phone',
  EMAIL: 'Email',
  LETTER: 'Letter',
  NOTE: 'Note for you',
};

/** "Sent by you" is a sent message the user mailed themselves; an outbox draft waits for them. */
export function describeMessageStatus(status: MessageStatus, delivery: MessageDelivery | null): string {
  if (status === 'SENT') return delivery === 'MANUAL' ? 'Sent by you' : 'Sent by email';
  if (status === 'SENDING') return 'Sending…';
  if (status === 'FAILED') return 'Not sent: failed';
  return delivery === 'MANUAL' ? 'Draft, waiting for you to send it from your email' : 'Draft';
}

// When to nudge about an unanswered reschedule request. One polite follow-up after three
// business days is reasonable; pressing a second time tends to hurt more than it helps, so the
// product stops suggesting it and points the user at the lesson instead.

import { addBusinessDays, getFollowUpDueAt } from './business-days';
import { NO_SHOW_FOLLOW_UP_BUSINESS_DAYS } from './employer-no-show';
import { type IncidentKind, type RecoveryState } from './recovery-state';

const MAX_SUGGESTED_FOLLOW_UPS = 1;

export type FollowUpAdvice =
  | { status: 'NOT_WAITING' }
  | { status: 'WAITING'; dueAt: Date }
  | { status: 'DUE'; dueAt: Date; message: string }
  | { status: 'DISCOURAGED'; message: string };

export function adviseFollowUp(input: {
  state: RecoveryState;
  askedAt: Date | null;
  followUpsSent: number;
  now: Date;
  timeZone: string;
  // After the employer's no-show the nudge comes after one business day, not three.
  kind?: IncidentKind;
}): FollowUpAdvice {
  const isNoShow = input.kind === 'EMPLOYER_NO_SHOW';
  if (input.state !== 'OUTCOME' || input.askedAt === null) return { status: 'NOT_WAITING' };
  if (input.followUpsSent >= MAX_SUGGESTED_FOLLOW_UPS) {
    return {
      status: 'DISCOURAGED',
      message:
        'You have already followed up once. A second follow-up rarely helps: record their answer when it comes, or stop waiting and keep the lesson.',
    };
  }
  const dueAt = isNoShow
    ? addBusinessDays(input.askedAt, NO_SHOW_FOLLOW_UP_BUSINESS_DAYS, input.timeZone)
    : getFollowUpDueAt(input.askedAt, input.timeZone);
  if (input.now.getTime() < dueAt.getTime()) return { status: 'WAITING', dueAt };
  if (isNoShow) {
    return {
      status: 'DUE',
      dueAt,
      message: 'A business day has passed without an answer. A short, friendly follow-up is ready for you to review.',
    };
  }
  return {
    status: 'DUE',
    dueAt,
    message: 'Three business days have passed without an answer. A short, polite follow-up is ready for you to review.',
  };
}

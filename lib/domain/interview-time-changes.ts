// An interview's time changes as its page shows them, who the change is put down to and why.
import type { TimeChangeSource } from '@/lib/generated/prisma/enums';

export type InterviewTimeChangeView = {
  id: string;
  requestedBy: TimeChangeSource;
  reasonCategory: string | null;
  reason: string | null;
  fromStart: Date;
  toStart: Date;
  fromTimeZone: string;
  toTimeZone: string;
  fromDurationMinutes: number;
  toDurationMinutes: number;
  recordedAt: Date;
};

export const TIME_CHANGE_SOURCE_LABELS: Readonly<Record<TimeChangeSource, string>> = {
  CANDIDATE: 'Moved at your request',
  EMPLOYER: 'Moved by the employer',
  INVITATION: "Moved by the employer's invitation",
};

/** Why a time moved, in a few words the user picks from; free text says the rest. */
export const RESCHEDULE_REASONS = ['CONFLICT', 'ILLNESS', 'TRAVEL', 'EMPLOYER_REQUEST', 'OTHER'] as const;
export type RescheduleReason = (typeof RESCHEDULE_REASONS)[number];

export const RESCHEDULE_REASON_LABELS: Readonly<Record<RescheduleReason, string>> = {
  CONFLICT: 'A clash with something else',
  ILLNESS: 'Illness',
  TRAVEL: 'Travel',
  EMPLOYER_REQUEST: "The employer's request",
  OTHER: 'Other',
};

export function isRescheduleReason(value: unknown): value is RescheduleReason {
  return typeof value === 'string' && (RESCHEDULE_REASONS as readonly string[]).includes(value);
}

/**
 * Recorded by the no-show flow only, never picked in a form: the employer did not show up and
 * set a new time. The employer's record counts these apart from ordinary moves.
 */
export const EMPLOYER_NO_SHOW_REASON = 'EMPLOYER_NO_SHOW';
export type TimeChangeReason = RescheduleReason | typeof EMPLOYER_NO_SHOW_REASON;
const EMPLOYER_NO_SHOW_LABEL = "They didn't show up";

/** The label of a stored category; a category this version does not know reads as "Other". */
export function rescheduleReasonLabel(category: string | null): string | null {
  if (!category) return null;
  if (category === EMPLOYER_NO_SHOW_REASON) return EMPLOYER_NO_SHOW_LABEL;
  return isRescheduleReason(category) ? RESCHEDULE_REASON_LABELS[category] : RESCHEDULE_REASON_LABELS.OTHER;
}

const TIMES_IN_WORDS = ['', 'once', 'twice', 'three times', 'four times', 'five times', 'six times'];

/** "once", "twice", "three times" … and "12 times" past what reads well in words. */
export function timesInWords(count: number): string {
  return TIMES_IN_WORDS[count] ?? `${count} times`;
}

/** The heading of an interview's history: "Moved twice", or nothing when it never moved. */
export function movedHeading(count: number): string | null {
  return count > 0 ? `Moved ${timesInWords(count)}` : null;
}

/** The employer's record on an application: "Rescheduled by them 3 times", or nothing. */
export function employerRescheduleSummary(count: number, noShows = 0): string | null {
  const moved = count > 0 ? `Rescheduled by them ${count === 1 ? 'once' : `${count} times`}` : null;
  if (noShows <= 0) return moved;
  const missed = `${noShows <= NO_SHOW_WORDS.length ? NO_SHOW_WORDS[noShows - 1] : noShows} no-show${noShows === 1 ? '' : 's'}`;
  return moved ? `${moved}, ${missed}` : `${missed.charAt(0).toUpperCase()}${missed.slice(1)} by them`;
}

const NO_SHOW_WORDS = ['one', 'two', 'three', 'four', 'five'];

/** Whether an edit moved the slot: its start, its length or the zone it is held in. */
export function isTimeChange(
  before: { scheduledStart: Date; durationMinutes: number; timeZone: string },
  after: { scheduledStart: Date; durationMinutes: number; timeZone: string },
): boolean {
  return (
    before.scheduledStart.getTime() !== after.scheduledStart.getTime() ||
    before.durationMinutes !== after.durationMinutes ||
    before.timeZone !== after.timeZone
  );
}

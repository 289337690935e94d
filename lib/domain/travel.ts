// Leave-by and check-in times. All arithmetic is on instants, never on wall-clock fields: "90 minutes
// of travel" takes 90 real minutes even on the night the clocks change, so adding milliseconds is
// correct and local-time maths would be wrong by an hour twice a year.
import type { InterviewStatus } from './interview-status';

const MINUTE_MS = 60_000;

/** Arriving this early is the default advice for interviews. */
export const DEFAULT_EARLY_ARRIVAL_MINUTES = 15;

/** How long after an interview's planned end we start asking "how did it go?". */
export const CHECK_IN_GRACE_MINUTES = 120;

export type LeaveByInput = {
  start: Date;
  travelMinutes: number | null | undefined;
  bufferMinutes?: number | null;
  earlyArrivalMinutes?: number;
};

export type CheckInCandidate = {
  status: InterviewStatus;
  scheduledStart: Date;
  durationMinutes: number;
};

/**
 * When to set off: start − early arrival − buffer − travel. Null when no travel time is known,
 * because a guessed leave-by time is worse than none (it would raise alarms at the wrong moment).
 */
export function computeLeaveBy({
  start,
  travelMinutes,
  bufferMinutes,
  earlyArrivalMinutes = DEFAULT_EARLY_ARRIVAL_MINUTES,
}: LeaveByInput): Date | null {
  if (travelMinutes === null || travelMinutes === undefined) return null;
  const totalMinutes =
    requireMinutes(travelMinutes, 'Travel time') +
    requireMinutes(bufferMinutes ?? 0, 'Buffer') +
    requireMinutes(earlyArrivalMinutes, 'Early arrival');
  return new Date(requireInstant(start).getTime() - totalMinutes * MINUTE_MS);
}

export type LeaveByPlan = {
  leaveBy: Date;
  travelMinutes: number;
  bufferMinutes: number;
  /** Minutes a past lesson adds for delays, on top of the interview's own buffer. */
  lessonExtraMinutes: number;
  earlyArrivalMinutes: number;
};

/**
 * The one leave-by time to show: start − early arrival − buffer − the lesson's extra minutes −
 * travel, with each part, so the page can say what the time includes. Null without travel time.
 */
export function planLeaveBy({
  lessonExtraMinutes = 0,
  earlyArrivalMinutes = DEFAULT_EARLY_ARRIVAL_MINUTES,
  ...input
}: LeaveByInput & { lessonExtraMinutes?: number }): LeaveByPlan | null {
  const extra = requireMinutes(lessonExtraMinutes, 'Extra buffer');
  const bufferMinutes = input.bufferMinutes ?? 0;
  const leaveBy = computeLeaveBy({
    ...input,
    bufferMinutes: requireMinutes(bufferMinutes, 'Buffer') + extra,
    earlyArrivalMinutes,
  });
  if (!leaveBy || input.travelMinutes === null || input.travelMinutes === undefined) return null;
  return { leaveBy, travelMinutes: input.travelMinutes, bufferMinutes, lessonExtraMinutes: extra, earlyArrivalMinutes };
}

/** The moment an interview with no recorded outcome starts to need an answer: end + 2 hours. */
export function checkInDueAt(start: Date, durationMinutes: number): Date {
  const minutes = requireMinutes(durationMinutes, 'Duration') + CHECK_IN_GRACE_MINUTES;
  return new Date(requireInstant(start).getTime() + minutes * MINUTE_MS);
}

/** Only SCHEDULED interviews can be waiting for an answer; every other status is one. */
export function needsAnswer(interview: CheckInCandidate, now: Date): boolean {
  if (interview.status !== 'SCHEDULED') return false;
  return now.getTime() >= checkInDueAt(interview.scheduledStart, interview.durationMinutes).getTime();
}

// Negative or non-finite minutes mean a bug upstream (validation should have caught
// them); failing loudly beats silently producing a leave-by time after the interview starts.
function requireMinutes(value: number, label: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${label} must be a non-negative number of minutes (got ${value}).`);
  }
  return value;
}

function requireInstant(value: Date): Date {
  if (Number.isNaN(value.getTime())) throw new RangeError('The interview start is not a valid date.');
  return value;
}

// How fast the candidate reacted after a miss, for the patterns page. The clock starts when the
// miss happened, not when it was typed into the app: someone who notices at 11:00 that a 09:00
// interview slipped by and calls at 11:05 took two hours, not five minutes.
import type { IncidentKind } from './recovery-state';

export type TimedIncident = { kind: IncidentKind; scheduledStart: Date; recordedAt: Date };

/**
 * The instant the reaction time is measured from: the interview's start for a miss, or, when
 * the miss was recorded before the start (the candidate knew in advance), that earlier moment;
 * for "running late", the moment the candidate knew, i.e. when they recorded it.
 */
export function findMissInstant(incident: TimedIncident): Date {
  if (incident.kind === 'RUNNING_LATE') return incident.recordedAt;
  return incident.recordedAt.getTime() < incident.scheduledStart.getTime()
    ? incident.recordedAt
    : incident.scheduledStart;
}

/**
 * Minutes from the miss to `at`, or null when `at` is unknown. A step stamped before the miss
 * (clock skew, a back-dated entry) counts as zero rather than as negative time.
 */
export function minutesSinceMiss(incident: TimedIncident, at: Date | null): number | null {
  if (!at) return null;
  return Math.max(0, (at.getTime() - findMissInstant(incident).getTime()) / 60_000);
}

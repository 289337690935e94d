// Which reminders reach the candidate, on which channels and when. Pure: the clock, the user's
// preferences and the lessons come in as arguments, and recomputing with the same facts gives
// the same list, so the queue can be brought in line with it after every change (a dedupe key
// that is in the queue but not in the list is cancelled, a new one is sent).
//
// Decisions, so nobody "fixes" them by accident:
// - Only SCHEDULED interviews get interview reminders; every other status is an answer already,
//   and a cancelled interview that still buzzed would undo what the user was told.
// - A moment that passed (the app was down, the interview was added late) is sent at once while
//   it is still useful, and skipped after that: never a leave-by reminder after the start.
// - The evening before is 18:00 (or the user's time) on the day before the interview's date as
//   the user's calendar reads it. It is useful until that day ends, so an interview added at
//   21:00 for tomorrow morning still gets it at once; one added on the day itself does not (the
//   leave-by reminder carries the essentials then). Sent late, it is also useful only while the
//   interview is more than EVENING_BEFORE_LATE_CUTOFF_HOURS away: an interview added at 23:55
//   for 00:15 gets the leave-by reminder alone, not a "tomorrow" email a minute before it.
// - Dedupe keys name the reminder, the record and the interview's start (or the request's
//   time): moving an interview makes new keys, so a reminder already sent for the old time does
//   not block the one for the new time; the clock, quiet hours and channel choices never change
//   a key.
// - A zone that no longer exists falls back to UTC and says so in `zoneFallbacks`.
import type { GhostState } from './ghosting';
import type { InterviewFacts } from './interview-facts';
import { computeInterviewCutoff, computeLastLook, type LessonReviewState } from './lesson-review';
import { EXTRA_BUFFER_MINUTES, findApplicableLessons, type HintLesson } from './lesson-rules';
import { adviseFollowUp } from './recovery-follow-up';
import { isClockTime, placeAroundQuietHours, type ClockTime, type QuietHours } from './reminders-quiet-hours';
import type { IncidentKind, RecoveryState } from './recovery-state';
import { isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from './time';
import { checkInDueAt, planLeaveBy } from './travel';

export const REMINDER_KINDS = [
  'EVENING_BEFORE',
  'LEAVE_BY',
  'EXTRA',
  'CHECK_IN',
  'FOLLOW_UP_DUE',
  'THANK_YOU_UNSENT',
  'LESSON_REVIEW',
  'NO_REPLY_NUDGE',
  'GHOSTED_SUGGESTION',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_CHANNELS = ['EMAIL', 'PUSH', 'IN_APP'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const DEFAULT_EVENING_BEFORE_TIME: ClockTime = '18:00';
/** Leave-by reminders for in-person interviews come this long before the time to leave. */
export const LEAVE_BY_LEAD_MINUTES = 15;
/** Video and phone: time to test the link and find somewhere quiet. */
export const REMOTE_LEAD_MINUTES = 30;
/** In person without a travel time: the same warning the calendar alarm gives. */
export const NO_TRAVEL_LEAD_MINUTES = 120;
/** What a "forgot" lesson adds besides the evening before: a nudge this long before the start. */
export const EXTRA_REMINDER_LEAD_MINUTES = 120;
export const THANK_YOU_AFTER_HOURS = 24;
/** Check-ins and nudges older than this are stale: the interview page asks instead. */
export const NUDGE_USEFUL_DAYS = 7;
/** A late evening-before reminder is not sent within this many hours of the start. */
export const EVENING_BEFORE_LATE_CUTOFF_HOURS = 3;
/** How long after its moment an on-time reminder may still go out when that cut-off has passed. */
const EVENING_BEFORE_GRACE_MINUTES = 15;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// Push reaches the phone in time for the moments that matter within minutes; email carries
// what is worth keeping (the evening-before details, the drafted confirmation, the nudges).
export const DEFAULT_REMINDER_CHANNELS: Readonly<Record<ReminderKind, readonly ReminderChannel[]>> = {
  EVENING_BEFORE: ['EMAIL', 'PUSH', 'IN_APP'],
  LEAVE_BY: ['PUSH', 'IN_APP'],
  EXTRA: ['PUSH', 'IN_APP'],
  CHECK_IN: ['EMAIL', 'PUSH', 'IN_APP'],
  FOLLOW_UP_DUE: ['EMAIL', 'IN_APP'],
  THANK_YOU_UNSENT: ['EMAIL', 'IN_APP'],
  LESSON_REVIEW: ['EMAIL', 'IN_APP'],
  NO_REPLY_NUDGE: ['EMAIL', 'PUSH', 'IN_APP'],
  GHOSTED_SUGGESTION: ['EMAIL', 'PUSH', 'IN_APP'],
};

export type ReminderPreferences = {
  allOff?: boolean;
  /** 'HH:mm' in the user's zone. */
  eveningBeforeTime?: ClockTime;
  /** Per kind; an empty list turns the kind off, a missing kind keeps the default. */
  channels?: Partial<Record<ReminderKind, readonly ReminderChannel[]>>;
  quietHours?: QuietHours | null;
};

export type ReminderInterview = Pick<
  InterviewFacts,
  'id' | 'status' | 'scheduledStart' | 'durationMinutes' | 'timeZone' | 'format' | 'travelMinutes' | 'bufferMinutes'
>;

export type ReminderLesson = HintLesson & LessonReviewState;

export type ZoneFallback = { field: 'userTimeZone' | 'interviewTimeZone'; given: string; used: 'UTC' };

export type ReminderAdjustment = 'none' | 'late' | 'after-quiet-hours' | 'before-quiet-hours';

export type PlannedReminder = {
  kind: ReminderKind;
  dedupeKey: string;
  /** When to send it, after late sending and quiet hours. */
  dueAt: Date;
  /** The moment the rule asked for. */
  plannedAt: Date;
  /** After this it is not sent at all. */
  latestUsefulAt: Date;
  adjustment: ReminderAdjustment;
  channels: ReminderChannel[];
  interviewId: string | null;
  incidentId: string | null;
  /** The lessons behind an EXTRA or LESSON_REVIEW reminder. */
  lessonIds: string[];
  /** In person with a travel time: when to set off (the lesson's extra minutes included). */
  leaveBy: Date | null;
};

export type SkipReason = 'all-off' | 'turned-off' | 'status' | 'passed' | 'quiet-hours' | 'nothing-due' | 'silenced';

/** "Remind me again an hour before" comes this long before the start. */
export const HOUR_BEFORE_LEAD_MINUTES = 60;

/**
 * Which of an interview's reminders a dedupe key names ('evening-before', 'leave-by', 'extra',
 * 'check-in', 'lesson-review', 'hour-before'): unlike the key, it stays the same when the
 * interview moves, so a reminder the user silenced stays silent at the new time.
 */
export function reminderSlot(dedupeKey: string): string {
  return dedupeKey.split(':')[0] ?? dedupeKey;
}

/** The choices the user made on the interview page about its reminders. */
export type InterviewReminderChoices = { silencedReminders?: readonly string[]; hourBeforeReminder?: boolean };

export type SkippedReminder = { kind: ReminderKind; dedupeKey: string | null; reason: SkipReason };

export type ReminderPlan = { reminders: PlannedReminder[]; skipped: SkippedReminder[]; zoneFallbacks: ZoneFallback[] };

type Candidate = Pick<
  PlannedReminder,
  'kind' | 'dedupeKey' | 'plannedAt' | 'latestUsefulAt' | 'interviewId' | 'incidentId' | 'lessonIds' | 'leaveBy'
>;

type Context = { now: Date; userTimeZone: string; preferences: ReminderPreferences; zoneFallbacks: ZoneFallback[] };

/** Every reminder of one interview, sorted by when it goes out. */
export function planInterviewReminders(input: {
  interview: ReminderInterview & InterviewReminderChoices;
  userTimeZone: string;
  preferences: ReminderPreferences;
  lessons: readonly ReminderLesson[];
  now: Date;
}): ReminderPlan {
  const zoneFallbacks: ZoneFallback[] = [];
  const userTimeZone = safeZone(input.userTimeZone, 'userTimeZone', zoneFallbacks);
  const interview = {
    ...input.interview,
    timeZone: safeZone(input.interview.timeZone, 'interviewTimeZone', zoneFallbacks),
  };
  const context: Context = { now: input.now, userTimeZone, preferences: input.preferences, zoneFallbacks };
  const listed = listInterviewCandidates(interview, input.lessons, context);
  const silenced = new Set(input.interview.silencedReminders ?? []);
  const candidates = listed.filter((candidate) => !silenced.has(reminderSlot(candidate.dedupeKey)));
  if (interview.status !== 'SCHEDULED') {
    return {
      reminders: [],
      skipped: candidates.map(({ kind, dedupeKey }) => ({ kind, dedupeKey, reason: 'status' })),
      zoneFallbacks,
    };
  }
  const plan = finalise(candidates, context);
  const silencedSkips = listed
    .filter((candidate) => silenced.has(reminderSlot(candidate.dedupeKey)))
    .map(({ kind, dedupeKey }) => ({ kind, dedupeKey, reason: 'silenced' as const }));
  return { ...plan, skipped: [...plan.skipped, ...silencedSkips] };
}

function listInterviewCandidates(
  interview: ReminderInterview & InterviewReminderChoices,
  lessons: readonly ReminderLesson[],
  context: Context,
): Candidate[] {
  const start = interview.scheduledStart;
  const key = (kind: string) => `${kind}:${interview.id}:${start.toISOString()}`;
  const hints = findApplicableLessons(interview, lessons, context.userTimeZone);
  const hasExtraBuffer = hints.some((hint) => hint.kind === 'extra-buffer');
  const leaveBy = planInterviewLeaveBy(interview, hasExtraBuffer);
  const base = { interviewId: interview.id, incidentId: null, lessonIds: [] as string[], leaveBy };
  const extraReminderLessons = hints.filter((hint) => hint.kind === 'extra-reminder').map((hint) => hint.lessonId);

  const evening = computeEveningBeforeAt(start, context.userTimeZone, context.preferences.eveningBeforeTime);
  const candidates: Candidate[] = [
    {
      ...base,
      kind: 'EVENING_BEFORE',
      dedupeKey: key('evening-before'),
      plannedAt: evening,
      latestUsefulAt: eveningBeforeUsefulUntil(start, evening, context.userTimeZone),
    },
    {
      ...base,
      kind: 'LEAVE_BY',
      dedupeKey: key('leave-by'),
      plannedAt: computeLeaveByReminderAt(interview, leaveBy),
      latestUsefulAt: start,
    },
  ];
  if (extraReminderLessons.length > 0) {
    const plannedAt = new Date(start.getTime() - EXTRA_REMINDER_LEAD_MINUTES * MINUTE_MS);
    candidates.push({
      ...base,
      kind: 'EXTRA',
      dedupeKey: key('extra'),
      plannedAt,
      latestUsefulAt: start,
      lessonIds: extraReminderLessons,
    });
  }
  if (interview.hourBeforeReminder) {
    // Worded and sent like the extra reminder a lesson asks for, on the channels chosen for it.
    candidates.push({
      ...base,
      kind: 'EXTRA',
      dedupeKey: key('hour-before'),
      plannedAt: new Date(start.getTime() - HOUR_BEFORE_LEAD_MINUTES * MINUTE_MS),
      latestUsefulAt: start,
    });
  }
  const checkIn = checkInDueAt(start, interview.durationMinutes);
  candidates.push({
    ...base,
    kind: 'CHECK_IN',
    dedupeKey: key('check-in'),
    plannedAt: checkIn,
    latestUsefulAt: new Date(checkIn.getTime() + NUDGE_USEFUL_DAYS * DAY_MS),
  });

  // lesson-review.ts: an interview calls back every lesson last looked at more than a day before
  // it, a day before it starts; a lesson written or read within that day is fresh enough.
  const cutoff = computeInterviewCutoff(start);
  const dueLessons = lessons
    .filter((lesson) => computeLastLook(lesson).getTime() < cutoff.getTime())
    .map((lesson) => lesson.id);
  if (dueLessons.length > 0) {
    candidates.push({
      ...base,
      kind: 'LESSON_REVIEW',
      dedupeKey: key('lesson-review'),
      plannedAt: cutoff,
      latestUsefulAt: start,
      lessonIds: dueLessons,
    });
  }
  return candidates;
}

/** When to set off for an in-person interview, with a traffic lesson's extra minutes; null otherwise. */
export function planInterviewLeaveBy(
  interview: Pick<ReminderInterview, 'format' | 'scheduledStart' | 'travelMinutes' | 'bufferMinutes'>,
  hasTrafficLesson: boolean,
): Date | null {
  if (interview.format !== 'IN_PERSON') return null;
  const lessonExtraMinutes = hasTrafficLesson ? EXTRA_BUFFER_MINUTES : 0;
  return (
    planLeaveBy({
      start: interview.scheduledStart,
      travelMinutes: interview.travelMinutes,
      bufferMinutes: interview.bufferMinutes,
      lessonExtraMinutes,
    })?.leaveBy ?? null
  );
}

/**
 * In person: LEAVE_BY_LEAD_MINUTES before the leave-by time; without a travel time,
 * NO_TRAVEL_LEAD_MINUTES before the start, as the calendar's alarm does. Video and phone:
 * REMOTE_LEAD_MINUTES before the start.
 */
export function computeLeaveByReminderAt(
  interview: Pick<ReminderInterview, 'format' | 'scheduledStart'>,
  leaveBy: Date | null,
): Date {
  const start = interview.scheduledStart.getTime();
  if (interview.format !== 'IN_PERSON') return new Date(start - REMOTE_LEAD_MINUTES * MINUTE_MS);
  if (!leaveBy) return new Date(start - NO_TRAVEL_LEAD_MINUTES * MINUTE_MS);
  return new Date(leaveBy.getTime() - LEAVE_BY_LEAD_MINUTES * MINUTE_MS);
}

/** The evening-before moment: `time` on the day before the interview's date in `timeZone`. */
export function computeEveningBeforeAt(
  start: Date,
  timeZone: string,
  time: ClockTime | undefined = DEFAULT_EVENING_BEFORE_TIME,
): Date {
  const clock = isClockTime(time) ? time : DEFAULT_EVENING_BEFORE_TIME;
  const day = shiftLocalDay(utcToZonedLocal(start, timeZone).slice(0, 10), -1);
  return zonedLocalToUtc(`${day}T${clock}`, timeZone).instant;
}

export type FollowUpIncident = {
  id: string;
  state: RecoveryState;
  /** When the reschedule request went out; null while it has not. */
  askedAt: Date | null;
  followUpsSent: number;
  /** The employer's zone: the interview's. */
  timeZone: string;
  /** An employer's no-show is followed up sooner (see adviseFollowUp). */
  kind?: IncidentKind;
};

export type ThankYouIncident = {
  id: string;
  /** When the employer's answer (yes or no) was recorded; null while there is none. */
  answeredAt: Date | null;
  /** The thank-you was sent or dismissed: nothing to nudge about. */
  isSettled: boolean;
};

/** The recovery nudges of one incident: the follow-up after three business days, the thank-you after a day. */
export function planRecoveryReminders(input: {
  followUp?: FollowUpIncident | null;
  thankYou?: ThankYouIncident | null;
  userTimeZone: string;
  preferences: ReminderPreferences;
  now: Date;
}): ReminderPlan {
  const zoneFallbacks: ZoneFallback[] = [];
  const context: Context = {
    now: input.now,
    userTimeZone: safeZone(input.userTimeZone, 'userTimeZone', zoneFallbacks),
    preferences: input.preferences,
    zoneFallbacks,
  };
  const candidates: Candidate[] = [];
  const skipped: SkippedReminder[] = [];
  const { followUp, thankYou } = input;
  if (followUp) {
    const timeZone = safeZone(followUp.timeZone, 'interviewTimeZone', zoneFallbacks);
    // The same rule the recovery page follows: one follow-up, three business days after asking.
    const advice = adviseFollowUp({
      state: followUp.state,
      askedAt: followUp.askedAt,
      followUpsSent: followUp.followUpsSent,
      now: input.now,
      timeZone,
      kind: followUp.kind,
    });
    if ((advice.status === 'WAITING' || advice.status === 'DUE') && followUp.askedAt) {
      candidates.push(
        buildNudge(
          'FOLLOW_UP_DUE',
          followUp.id,
          `follow-up:${followUp.id}:${followUp.askedAt.toISOString()}`,
          advice.dueAt,
        ),
      );
    } else {
      skipped.push({ kind: 'FOLLOW_UP_DUE', dedupeKey: null, reason: 'nothing-due' });
    }
  }
  if (thankYou) {
    if (thankYou.answeredAt && !thankYou.isSettled) {
      const plannedAt = new Date(thankYou.answeredAt.getTime() + THANK_YOU_AFTER_HOURS * HOUR_MS);
      candidates.push(
        buildNudge(
          'THANK_YOU_UNSENT',
          thankYou.id,
          `thank-you:${thankYou.id}:${thankYou.answeredAt.toISOString()}`,
          plannedAt,
        ),
      );
    } else {
      skipped.push({ kind: 'THANK_YOU_UNSENT', dedupeKey: null, reason: 'nothing-due' });
    }
  }
  const plan = finalise(candidates, context);
  return { ...plan, skipped: [...skipped, ...plan.skipped] };
}

/** The dedupe keys of an application's nudges: one per application and clock (the moment it was flagged). */
export function applicationNudgeKey(
  kind: 'NO_REPLY_NUDGE' | 'GHOSTED_SUGGESTION',
  applicationId: string,
  flagAt: Date,
) {
  return `${kind === 'NO_REPLY_NUDGE' ? 'no-reply' : 'ghosted'}:${applicationId}:${flagAt.toISOString()}`;
}

/**
 * The nudges of one quiet application (lib/domain/ghosting.ts), for the clock it is on now:
 * past its threshold, a follow-up nudge, useful until the second period ends; after that, the
 * suggestion to mark it Ghosted, useful for NUDGE_USEFUL_DAYS. A reply, a move or a new round
 * starts a new clock, so new keys, and a waiting row of the old clock leaves the plan.
 */
export function planApplicationNudges(input: {
  applicationId: string;
  ghost: GhostState;
  userTimeZone: string;
  preferences: ReminderPreferences;
  now: Date;
}): ReminderPlan {
  const zoneFallbacks: ZoneFallback[] = [];
  const context: Context = {
    now: input.now,
    userTimeZone: safeZone(input.userTimeZone, 'userTimeZone', zoneFallbacks),
    preferences: input.preferences,
    zoneFallbacks,
  };
  const { ghost, applicationId } = input;
  if (ghost.kind === 'none' || ghost.kind === 'waiting') return { reminders: [], skipped: [], zoneFallbacks };
  const base = { interviewId: null, incidentId: null, lessonIds: [] as string[], leaveBy: null };
  const candidates: Candidate[] = [
    {
      ...base,
      kind: 'NO_REPLY_NUDGE',
      dedupeKey: applicationNudgeKey('NO_REPLY_NUDGE', applicationId, ghost.since),
      plannedAt: ghost.since,
      latestUsefulAt: ghost.suggestGhostedAt,
    },
  ];
  if (ghost.kind === 'suggest-ghosted') {
    candidates.push({
      ...base,
      kind: 'GHOSTED_SUGGESTION',
      dedupeKey: applicationNudgeKey('GHOSTED_SUGGESTION', applicationId, ghost.since),
      plannedAt: ghost.suggestGhostedAt,
      latestUsefulAt: new Date(ghost.suggestGhostedAt.getTime() + NUDGE_USEFUL_DAYS * DAY_MS),
    });
  }
  return finalise(candidates, context);
}

function buildNudge(kind: ReminderKind, incidentId: string, dedupeKey: string, plannedAt: Date): Candidate {
  const latestUsefulAt = new Date(plannedAt.getTime() + NUDGE_USEFUL_DAYS * DAY_MS);
  return { kind, dedupeKey, plannedAt, latestUsefulAt, interviewId: null, incidentId, lessonIds: [], leaveBy: null };
}

function finalise(candidates: readonly Candidate[], context: Context): ReminderPlan {
  const { now, preferences } = context;
  const reminders: PlannedReminder[] = [];
  const skipped: SkippedReminder[] = [];
  for (const candidate of candidates) {
    const skip = (reason: SkipReason) => skipped.push({ kind: candidate.kind, dedupeKey: candidate.dedupeKey, reason });
    const channels = [...(preferences.channels?.[candidate.kind] ?? DEFAULT_REMINDER_CHANNELS[candidate.kind])];
    if (preferences.allOff) {
      skip('all-off');
      continue;
    }
    if (channels.length === 0) {
      skip('turned-off');
      continue;
    }
    const latest = candidate.latestUsefulAt.getTime();
    // A moment at or after its useful end is never sent (a leave-by reminder planned for after
    // the start, or one whose moment passed while nobody was sending).
    if (candidate.plannedAt.getTime() >= latest || now.getTime() >= latest) {
      skip('passed');
      continue;
    }
    const isLate = candidate.plannedAt.getTime() < now.getTime();
    const dueAt = isLate ? now : candidate.plannedAt;
    const placed = placeAroundQuietHours({
      dueAt,
      latestUsefulAt: candidate.latestUsefulAt,
      now,
      quiet: preferences.quietHours ?? null,
      timeZone: context.userTimeZone,
    });
    if (placed.action === 'drop') {
      skip('quiet-hours');
      continue;
    }
    const adjustment: ReminderAdjustment =
      placed.action === 'after'
        ? 'after-quiet-hours'
        : placed.action === 'before'
          ? 'before-quiet-hours'
          : isLate
            ? 'late'
            : 'none';
    reminders.push({
      ...candidate,
      dueAt: placed.at,
      adjustment,
      channels: REMINDER_CHANNELS.filter((channel) => channels.includes(channel)),
    });
  }
  reminders.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.dedupeKey.localeCompare(b.dedupeKey));
  return { reminders, skipped, zoneFallbacks: context.zoneFallbacks };
}

function safeZone(timeZone: string, field: ZoneFallback['field'], fallbacks: ZoneFallback[]): string {
  if (isValidTimeZone(timeZone)) return timeZone;
  fallbacks.push({ field, given: String(timeZone), used: 'UTC' });
  return 'UTC';
}

/** Midnight at the start of the instant's local day, i.e. when "the evening before" is over. */
/**
 * The end of the evening before: midnight before the interview's day, and, for a reminder sent
 * late, three hours before the start. A user's own evening time closer to the start than that
 * still goes out at its moment (with a few minutes' grace for the dispatcher).
 */
function eveningBeforeUsefulUntil(start: Date, plannedAt: Date, timeZone: string): Date {
  const lateCutoff = start.getTime() - EVENING_BEFORE_LATE_CUTOFF_HOURS * HOUR_MS;
  const onTimeGrace = plannedAt.getTime() + EVENING_BEFORE_GRACE_MINUTES * MINUTE_MS;
  return minDate(minDate(startOfLocalDay(start, timeZone), start), new Date(Math.max(lateCutoff, onTimeGrace)));
}

function startOfLocalDay(instant: Date, timeZone: string): Date {
  return zonedLocalToUtc(`${utcToZonedLocal(instant, timeZone).slice(0, 10)}T00:00`, timeZone).instant;
}

function shiftLocalDay(localDate: string, days: number): string {
  const [year = 0, month = 1, day = 1] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

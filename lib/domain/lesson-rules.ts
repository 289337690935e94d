// Which past lessons apply to an upcoming interview, and what each one suggests doing now.
// A lesson only helps if it shows up before the next interview, so each root cause maps to the
// situations where the same thing could go wrong again. Pure: the server loads the rows, these
// rules decide.
import {
  canonicalZone,
  formatInZone,
  isValidTimeZone,
  utcToZonedLocal,
  zonedLocalToUtc,
  zoneOffsetMinutes,
} from './time';
import type { InterviewFacts } from './interview-facts';
import type { LessonSide } from '@/lib/generated/prisma/enums';
import { isSameCompany } from './lesson-company';
import type { IncidentKind } from './recovery-state';
import { computeLeaveBy } from './travel';

export const ROOT_CAUSES = [
  'TRAFFIC_TRANSPORT',
  'EMERGENCY',
  'ILLNESS',
  'SCHEDULE_MIXUP',
  'TIMEZONE_ERROR',
  'FORGOT',
  'TECHNICAL_PROBLEM',
  'OTHER',
] as const;

export type RootCause = (typeof ROOT_CAUSES)[number];

export const ROOT_CAUSE_LABELS: Readonly<Record<RootCause, string>> = {
  TRAFFIC_TRANSPORT: 'Traffic or transport',
  EMERGENCY: 'Emergency',
  ILLNESS: 'Illness',
  SCHEDULE_MIXUP: 'Schedule mix-up',
  TIMEZONE_ERROR: 'Time-zone mistake',
  FORGOT: 'Forgot',
  TECHNICAL_PROBLEM: 'Technical problem',
  OTHER: 'Other',
};

export function isRootCause(value: unknown): value is RootCause {
  return typeof value === 'string' && (ROOT_CAUSES as readonly string[]).includes(value);
}

/** Extra minutes for delays that a traffic lesson adds on top of the interview's own buffer. */
export const EXTRA_BUFFER_MINUTES = 30;
/** The extra reminder a "forgot" lesson turns on: this hour, the evening before, in the user's zone. */
const EXTRA_REMINDER_HOUR = 18;

export type HintInterview = Pick<
  InterviewFacts,
  'format' | 'scheduledStart' | 'timeZone' | 'travelMinutes' | 'bufferMinutes'
> &
  // Only employer-side lessons read it; without it none of them applies.
  Partial<Pick<InterviewFacts, 'company'>>;

export type HintLesson = {
  id: string;
  rootCause: RootCause;
  /** Whose side; the candidate's when absent. */
  side?: LessonSide;
  /** The employer an employer-side lesson is about. */
  company?: string | null;
  /** The incident it came out of, when it did: an employer's no-show is said as such. */
  incidentKind?: IncidentKind | null;
  actions: readonly { text: string; retiredAt: Date | null }[];
};

export type PreventionHintKind = 'extra-buffer' | 'time-zone-check' | 'extra-reminder' | 'employer-side' | 'general';

type HintDetail =
  | {
      kind: 'extra-buffer';
      /** The buffer to plan with: the interview's own plus EXTRA_BUFFER_MINUTES. */
      bufferMinutes: number;
      /** Leave-by with that buffer; null while the interview has no travel time. */
      leaveBy: Date | null;
      /** Leave-by as currently planned, to show what changed. */
      currentLeaveBy: Date | null;
    }
  | { kind: 'time-zone-check'; interviewZone: string; userZone: string; offsetDifferenceMinutes: number }
  | { kind: 'extra-reminder'; remindAt: Date }
  | { kind: 'employer-side'; company: string }
  | { kind: 'general' };

export type PreventionHint = HintDetail & {
  lessonId: string;
  rootCause: RootCause;
  /** The lesson's prevention actions that still prompt (retired ones are habits now). */
  actionTexts: string[];
  suggestion: string;
};

const KIND_ORDER: readonly PreventionHintKind[] = [
  'extra-buffer',
  'time-zone-check',
  'extra-reminder',
  'employer-side',
  'general',
];

/**
 * The lessons that apply to this interview, most concrete advice first. A lesson whose every
 * prevention action is retired has become habit and stays quiet; a lesson that never had
 * actions still brings its rule's suggestion. A candidate-side lesson applies by its cause to
 * every interview its rule fits; an employer-side one only to interviews with the same company
 * (case and surrounding spaces aside), since it is about what that employer did.
 */
export function findApplicableLessons(
  interview: HintInterview,
  lessons: readonly HintLesson[],
  userTimeZone: string,
): PreventionHint[] {
  const hints: PreventionHint[] = [];
  // Zones are validated when an interview is saved; should a bad one reach here anyway, the
  // hints fall back to UTC rather than take the interview page down with them.
  const safeInterview = isValidTimeZone(interview.timeZone) ? interview : { ...interview, timeZone: 'UTC' };
  // A rule depends on the cause and the interview only: lessons sharing a cause share its result.
  const ruleByCause = new Map<string, RuleResult>();
  for (const lesson of lessons) {
    const actionTexts = lesson.actions.filter((action) => action.retiredAt === null).map((action) => action.text);
    if (lesson.actions.length > 0 && actionTexts.length === 0) continue;
    const isEmployerSide = lesson.side === 'EMPLOYER';
    if (isEmployerSide && !isSameCompany(lesson.company, interview.company)) continue;
    const key = isEmployerSide
      ? `EMPLOYER:${lesson.rootCause}:${lesson.incidentKind === 'EMPLOYER_NO_SHOW' ? 'NO_SHOW' : ''}`
      : lesson.rootCause;
    if (!ruleByCause.has(key))
      ruleByCause.set(
        key,
        isEmployerSide
          ? applyEmployerRule(lesson.rootCause, lesson.incidentKind === 'EMPLOYER_NO_SHOW', safeInterview)
          : applyRule(lesson.rootCause, safeInterview, userTimeZone),
      );
    const detail = ruleByCause.get(key);
    if (detail) hints.push({ ...detail, lessonId: lesson.id, rootCause: lesson.rootCause, actionTexts });
  }
  // Array.prototype.sort is stable, so lessons keep the caller's order within a kind.
  return hints.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

export type MergedHint = {
  kind: PreventionHintKind;
  suggestion: string;
  rootCauses: RootCause[];
  lessonIds: string[];
  actionTexts: string[];
};

/**
 * Several lessons with the same cause give the same suggestion; show it once with every
 * distinct action under it.
 */
export function mergeHints(hints: readonly PreventionHint[]): MergedHint[] {
  const merged = new Map<string, MergedHint>();
  for (const hint of hints) {
    const key = `${hint.kind}\u0000${hint.suggestion}`;
    const entry = merged.get(key) ?? {
      kind: hint.kind,
      suggestion: hint.suggestion,
      rootCauses: [],
      lessonIds: [],
      actionTexts: [],
    };
    if (!entry.rootCauses.includes(hint.rootCause)) entry.rootCauses.push(hint.rootCause);
    entry.lessonIds.push(hint.lessonId);
    for (const text of hint.actionTexts) if (!entry.actionTexts.includes(text)) entry.actionTexts.push(text);
    merged.set(key, entry);
  }
  return [...merged.values()];
}

type RuleResult = (HintDetail & { suggestion: string }) | null;

function applyRule(cause: RootCause, interview: HintInterview, userTimeZone: string): RuleResult {
  switch (cause) {
    case 'TRAFFIC_TRANSPORT':
      return interview.format === 'IN_PERSON' ? suggestExtraBuffer(interview) : null;
    case 'TIMEZONE_ERROR':
      return suggestTimeZoneCheck(interview, userTimeZone);
    case 'FORGOT':
      return suggestExtraReminder(interview, userTimeZone);
    case 'SCHEDULE_MIXUP':
      return {
        kind: 'general',
        suggestion:
          'Double-check the date and time with the employer: compare the invitation with your calendar, and confirm by email if anything is unclear.',
      };
    case 'TECHNICAL_PROBLEM':
      return interview.format === 'IN_PERSON'
        ? null
        : {
            kind: 'general',
            suggestion:
              interview.format === 'VIDEO'
                ? 'Test the link, camera and microphone the day before, and keep the employer’s phone number at hand in case the call fails.'
                : 'Charge your phone, check the signal where you will take the call, and keep the employer’s number at hand.',
          };
    case 'EMERGENCY':
    case 'ILLNESS':
    case 'OTHER':
      return { kind: 'general', suggestion: 'Look over what you decided after this one before the interview.' };
  }
}

/**
 * An employer-side lesson before the next interview with that employer: what they did last time,
 * and the check that covers it, in the interview's own terms (its link, number or reception).
 */
function applyEmployerRule(cause: RootCause, wasNoShow: boolean, interview: HintInterview): RuleResult {
  const company = interview.company?.trim() ?? '';
  const what = wasNoShow
    ? `Last time ${company} didn’t show up`
    : cause === 'SCHEDULE_MIXUP'
      ? `Last time ${company} mixed up the schedule`
      : cause === 'TIMEZONE_ERROR'
        ? `Last time ${company} got the time zone wrong`
        : cause === 'TECHNICAL_PROBLEM'
          ? `Last time ${company} had a technical problem`
          : `Last time something went wrong on ${company}’s side`;
  return { kind: 'employer-side', company, suggestion: `${what}: ${adviseEmployerCheck(cause, interview)}.` };
}

function adviseEmployerCheck(cause: RootCause, interview: HintInterview): string {
  switch (cause) {
    case 'SCHEDULE_MIXUP':
      return 'confirm the date and time with them in writing the day before';
    case 'TIMEZONE_ERROR':
      return `confirm with them in writing that they mean ${formatTime(interview.scheduledStart, interview.timeZone)} in ${displayZone(interview.timeZone)}`;
    case 'TECHNICAL_PROBLEM':
      if (interview.format === 'VIDEO')
        return 'test the link the day before and ask for a phone number in case it fails';
      if (interview.format === 'PHONE')
        return 'confirm the day before which number they will call, and keep theirs at hand';
      return 'confirm the day before who will meet you and where';
    default:
      if (interview.format === 'VIDEO') return 'confirm the link the day before';
      if (interview.format === 'PHONE') return 'confirm the time and the number they will call the day before';
      return 'confirm the time, the address and whom to ask for at reception the day before';
  }
}

function suggestExtraBuffer(interview: HintInterview): RuleResult {
  const currentBuffer = interview.bufferMinutes ?? 0;
  const bufferMinutes = currentBuffer + EXTRA_BUFFER_MINUTES;
  const start = interview.scheduledStart;
  const leaveBy = computeLeaveBy({ start, travelMinutes: interview.travelMinutes, bufferMinutes });
  const currentLeaveBy = computeLeaveBy({
    start,
    travelMinutes: interview.travelMinutes,
    bufferMinutes: currentBuffer,
  });
  // The interview's leave-by time already includes these minutes; a second time here would
  // leave the reader to pick one of two.
  const suggestion = leaveBy
    ? `Plan ${EXTRA_BUFFER_MINUTES} extra minutes for delays (${bufferMinutes} minutes of buffer in all). The leave-by time for this interview includes them.`
    : `Plan ${EXTRA_BUFFER_MINUTES} extra minutes for delays. Add your travel time to this interview to see when to leave.`;
  return { kind: 'extra-buffer', bufferMinutes, leaveBy, currentLeaveBy, suggestion };
}

function suggestTimeZoneCheck(interview: HintInterview, userTimeZone: string): RuleResult {
  const interviewZone = interview.timeZone;
  const start = interview.scheduledStart;
  // An unknown user zone cannot be compared, which is exactly when a check is worth it.
  if (!isValidTimeZone(userTimeZone)) {
    return {
      kind: 'time-zone-check',
      interviewZone,
      userZone: userTimeZone,
      offsetDifferenceMinutes: 0,
      suggestion: `This interview is at ${formatTime(start, interviewZone)} in ${displayZone(interviewZone)}. Set your own time zone in your account, then check the time against your calendar.`,
    };
  }
  const offsetDifferenceMinutes = zoneOffsetMinutes(start, interviewZone) - zoneOffsetMinutes(start, userTimeZone);
  const sameZone = canonicalZone(interviewZone) === canonicalZone(userTimeZone);
  if (sameZone && offsetDifferenceMinutes === 0) return null;
  const base = { kind: 'time-zone-check' as const, interviewZone, userZone: userTimeZone, offsetDifferenceMinutes };
  if (offsetDifferenceMinutes === 0) {
    return {
      ...base,
      suggestion: `This interview is set in ${displayZone(interviewZone)}, not your ${displayZone(userTimeZone)}. The clocks agree at that moment, but confirm the time zone in the invitation.`,
    };
  }
  return {
    ...base,
    suggestion: `Check the time zone: ${formatTime(start, interviewZone)} in ${displayZone(interviewZone)} is ${formatTime(start, userTimeZone)} where you are (${displayZone(userTimeZone)}).`,
  };
}

function suggestExtraReminder(interview: HintInterview, userTimeZone: string): RuleResult {
  const zone = isValidTimeZone(userTimeZone) ? userTimeZone : interview.timeZone;
  const remindAt = computeEveningBefore(interview.scheduledStart, zone);
  return {
    kind: 'extra-reminder',
    remindAt,
    suggestion: `Set an extra reminder for the evening before (${formatTime(remindAt, zone)}) and another two hours before it starts.`,
  };
}

/** EXTRA_REMINDER_HOUR on the day before the interview, as the user's calendar reads it. */
export function computeEveningBefore(start: Date, timeZone: string): Date {
  const localDate = utcToZonedLocal(start, timeZone).slice(0, 10);
  const [year = 0, month = 1, day = 1] = localDate.split('-').map(Number);
  const previous = new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
  const hour = String(EXTRA_REMINDER_HOUR).padStart(2, '0');
  return zonedLocalToUtc(`${previous}T${hour}:00`, timeZone).instant;
}

function displayZone(timeZone: string): string {
  return timeZone.replaceAll('_', ' ');
}

function formatTime(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

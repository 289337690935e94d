// "I'll be N minutes late": the one-tap notice a candidate sends on the way. The advice it follows
// (DOMAIN.md §1): tell them as soon as you know, keep it short, and when the delay is long, call
// and offer to reschedule rather than turn up late and stressed. Pure rules, the clock an argument.
import type { InterviewFacts } from './interview-facts';
import { checkApologises, checkNoBlame, countWords } from './message-checklist';
import { describeTimeZone, isValidTimeZone } from './time';
import { planLeaveBy } from './travel';

const MINUTE_MS = 60_000;

/** The delays offered as one-tap chips. */
export const LATE_MINUTE_CHOICES = [5, 10, 15, 20, 30] as const;
export type LateMinutes = (typeof LATE_MINUTE_CHOICES)[number];

/** From this delay on (or once the start has passed) a call comes first, an email second. */
export const LONG_DELAY_MINUTES = 15;

/** How long before the start the notice is offered; earlier, being late is not yet a thing. */
export const OFFER_BEFORE_START_MINUTES = 180;

export const MAX_LATE_NOTICE_WORDS = 60;

export type LateNoticeInterview = Pick<InterviewFacts, 'status' | 'scheduledStart' | 'durationMinutes'> &
  Pick<InterviewFacts, 'travelMinutes' | 'bufferMinutes'>;

export function isLateMinutes(value: number): value is LateMinutes {
  return (LATE_MINUTE_CHOICES as readonly number[]).includes(value);
}

/**
 * The delays that still make sense now: the promised arrival (start + N) must lie ahead, and
 * nothing once the interview has ended or is no longer scheduled. Before the offer window
 * opens (long before the start, or before leaving would matter) there are none either.
 */
export function listLateChoices(interview: LateNoticeInterview, now: Date): LateMinutes[] {
  if (interview.status !== 'SCHEDULED') return [];
  const start = interview.scheduledStart.getTime();
  const end = start + interview.durationMinutes * MINUTE_MS;
  if (now.getTime() >= end || now.getTime() < offerOpensAt(interview).getTime()) return [];
  return LATE_MINUTE_CHOICES.filter((minutes) => start + minutes * MINUTE_MS > now.getTime());
}

/** Three hours before the start, or earlier still when the leave-by time comes first. */
function offerOpensAt(interview: LateNoticeInterview): Date {
  const byStart = interview.scheduledStart.getTime() - OFFER_BEFORE_START_MINUTES * MINUTE_MS;
  const leaveBy = findLeaveBy(interview);
  return new Date(leaveBy ? Math.min(byStart, leaveBy.getTime()) : byStart);
}

function findLeaveBy(interview: LateNoticeInterview): Date | null {
  return (
    planLeaveBy({
      start: interview.scheduledStart,
      travelMinutes: interview.travelMinutes,
      bufferMinutes: interview.bufferMinutes,
    })?.leaveBy ?? null
  );
}

/**
 * The chip picked before the user taps one: how far past the leave-by time now is (past the
 * start when no travel time is known), rounded up to the next chip that is still on offer. Over-
 * estimating is the kinder error: arriving earlier than announced costs nobody anything.
 */
export function pickDefaultLateMinutes(interview: LateNoticeInterview, now: Date): LateMinutes | null {
  const choices = listLateChoices(interview, now);
  if (choices.length === 0) return null;
  const reference = findLeaveBy(interview) ?? interview.scheduledStart;
  const behindMinutes = Math.ceil((now.getTime() - reference.getTime()) / MINUTE_MS);
  return choices.find((minutes) => minutes >= behindMinutes) ?? choices.at(-1) ?? null;
}

/** A long delay, or one announced after the start: call first and offer to reschedule. */
export function isLongDelay(interview: Pick<InterviewFacts, 'scheduledStart'>, minutes: number, now: Date): boolean {
  return minutes >= LONG_DELAY_MINUTES || now.getTime() >= interview.scheduledStart.getTime();
}

export type LateNoticeFacts = Pick<InterviewFacts, 'scheduledStart' | 'timeZone' | 'format'> & {
  contactName?: string | null;
  candidateName?: string | null;
};

export type LateNoticeDraft = { subject: string; body: string; expectedAt: Date };

/** Without a usable zone, the times are given in UTC and say so, rather than in a guessed zone. */
function zoneOf(facts: Pick<LateNoticeFacts, 'timeZone'>): string {
  return isValidTimeZone(facts.timeZone) ? facts.timeZone : 'UTC';
}

/** "14:05" on a 24-hour clock in the zone. */
export function formatClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(instant);
  return `${parts.find((part) => part.type === 'hour')?.value}:${parts.find((part) => part.type === 'minute')?.value}`;
}

/** "14:00 (London time, GMT)": the interview's time with its zone, as the notice names it. */
export function describeStartTime(facts: Pick<LateNoticeFacts, 'scheduledStart' | 'timeZone'>): string {
  const zone = zoneOf(facts);
  return `${formatClock(facts.scheduledStart, zone)} (${describeTimeZone(facts.scheduledStart, zone)})`;
}

const ARRIVAL_VERBS: Record<LateNoticeFacts['format'], string> = {
  IN_PERSON: 'arrive',
  VIDEO: 'join the call',
  PHONE: 'be ready to talk',
};

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/**
 * The two-line notice: who is writing and that they are sorry to be about N minutes late for
 * the interview at its time and zone; then the new expected time. No reason and no blame: on
 * the way there is no time for either, and the apology matters more than the excuse.
 */
export function draftLateNotice(facts: LateNoticeFacts, minutes: number): LateNoticeDraft {
  const zone = zoneOf(facts);
  const expectedAt = new Date(facts.scheduledStart.getTime() + minutes * MINUTE_MS);
  const contact = clean(facts.contactName);
  const candidate = clean(facts.candidateName);
  const greeting = contact ? `Hi ${contact},` : 'Hello,';
  const who = candidate ? ` this is ${candidate}.` : '';
  const start = describeStartTime(facts);
  const first = `${greeting}${who} I'm sorry, I'm running about ${minutes} minutes late for our interview at ${start}.`;
  const second = `I now expect to ${ARRIVAL_VERBS[facts.format]} at ${formatClock(expectedAt, zone)}. Apologies for the short notice.`;
  const subject = `${candidate ? `${candidate}: running` : 'Running'} about ${minutes} minutes late for our ${formatClock(facts.scheduledStart, zone)} interview`;
  return { subject, body: `${first}\n${second}`, expectedAt };
}

export type LateNoticeCheckId = 'names-time' | 'gives-new-time' | 'two-lines' | 'short' | 'apologises' | 'no-blame';
export type LateNoticeCheck = { id: LateNoticeCheckId; label: string; passed: boolean };

/** What a late notice must do; a drafted one passes every item for any mix of missing facts. */
export function checkLateNotice(
  text: string,
  facts: Pick<LateNoticeFacts, 'scheduledStart' | 'timeZone'> & { expectedAt: Date },
): LateNoticeCheck[] {
  const zone = zoneOf(facts);
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const words = countWords(text);
  return [
    {
      id: 'names-time',
      label: 'Names the interview’s time with its zone',
      passed: text.includes(describeStartTime(facts)),
    },
    {
      id: 'gives-new-time',
      label: 'Gives the new expected time',
      passed: text.includes(formatClock(facts.expectedAt, zone)),
    },
    { id: 'two-lines', label: 'Two lines at most', passed: lines.length <= 2 },
    { id: 'short', label: `Under ${MAX_LATE_NOTICE_WORDS} words`, passed: words < MAX_LATE_NOTICE_WORDS },
    { id: 'apologises', label: 'Apologises', passed: checkApologises(text).passed },
    { id: 'no-blame', label: 'Blames nobody', passed: checkNoBlame(text).passed },
  ];
}

/**
 * An sms: link that opens the phone's messages app with the notice typed in (RFC 5724): the
 * number as digits with a leading plus, the body percent-encoded, line break included. Null for
 * a number without digits.
 */
export function smsHref(phone: string, body: string): string | null {
  const number = phone.replace(/[^+\d]/g, '');
  if (!/\d/.test(number)) return null;
  return `sms:${number}?body=${encodeURIComponent(body)}`;
}

/** What the page says after a notice went out: "You told them you'd be ~10 minutes late at 13:52". */
export type LateNoticeRecord = { minutesLate: number; toldAt: Date; channel: LateNoticeChannel };
export type LateNoticeChannel = 'EMAIL' | 'TEXT' | 'CALL';

/** The shape of a late notice's timeline entry details; read back by findLateNotice. */
export type LateNoticeDetails = {
  kind: 'LATE_NOTICE';
  minutesLate: number;
  channel: LateNoticeChannel;
  messageId: string;
};

/** The latest late notice among an interview's timeline entries (any order), or null. */
export function findLateNotice(
  events: readonly { type: string; occurredAt: Date; details: unknown }[],
): LateNoticeRecord | null {
  let latest: LateNoticeRecord | null = null;
  for (const event of events) {
    if (event.type !== 'MESSAGE_SENT' || !isLateNoticeDetails(event.details)) continue;
    if (latest && latest.toldAt >= event.occurredAt) continue;
    latest = { minutesLate: event.details.minutesLate, toldAt: event.occurredAt, channel: event.details.channel };
  }
  return latest;
}

function isLateNoticeDetails(details: unknown): details is LateNoticeDetails {
  if (typeof details !== 'object' || details === null) return false;
  const record = details as Record<string, unknown>;
  return (
    record.kind === 'LATE_NOTICE' &&
    typeof record.minutesLate === 'number' &&
    (record.channel === 'EMAIL' || record.channel === 'TEXT' || record.channel === 'CALL')
  );
}

export function describeLateNotice(record: LateNoticeRecord, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return `You told them you’d be ~${record.minutesLate} minutes late at ${formatClock(record.toldAt, zone)}`;
}

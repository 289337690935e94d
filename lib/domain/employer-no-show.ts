// The employer's no-show: when it is offered, the checks that catch the candidate's own mistake
// first, and the short note written while waiting. The note is polite and factual: it cites the
// confirmed time with its zone and offers to wait or to reschedule; it never apologises (nothing
// was the candidate's doing) and never accuses (a link may have changed, a meeting may run over).

import {
  type CleanFacts,
  type DraftedMessage,
  type MissReason,
  describeOpportunity,
  formatInterviewTime,
  joinParagraphs,
  writeGreeting,
  writeSignOff,
} from './message-facts';
import { checkApologises, checkNoBlame, countWords } from './message-checklist';
import { describeTimeZone } from './time';

/** Offered once the interview is this far past its start with nobody there. */
export const NO_SHOW_AFTER_MINUTES = 5;
/** How long the flow suggests waiting, once the note has gone out or the call was made. */
export const NO_SHOW_WAIT_MINUTES = { min: 10, max: 15 } as const;
/** A no-answer is followed up after this many business days in the employer's zone. */
export const NO_SHOW_FOLLOW_UP_BUSINESS_DAYS = 1;
export const MAX_NO_SHOW_WORDS = 120;

const MINUTE_MS = 60_000;

export type NoShowOfferInput = {
  status: string;
  scheduledStart: Date;
  hasOpenIncident: boolean;
};

/**
 * "They didn't show up" is offered from five minutes after the start until the check-in is
 * answered: while the interview is still scheduled and no recovery is open for it.
 */
export function isNoShowOffered(interview: NoShowOfferInput, now: Date): boolean {
  if (interview.status !== 'SCHEDULED' || interview.hasOpenIncident) return false;
  return now.getTime() >= interview.scheduledStart.getTime() + NO_SHOW_AFTER_MINUTES * MINUTE_MS;
}

/** The moment the offer appears, for a refusal that says when to come back. */
export function noShowOfferedFrom(scheduledStart: Date): Date {
  return new Date(scheduledStart.getTime() + NO_SHOW_AFTER_MINUTES * MINUTE_MS);
}

/**
 * What the candidate found when checking their own side: everything as saved (the employer is
 * late), their own mistake (the wrong zone or day, or the wrong link or address: they missed it),
 * or that it started after all and they were seen late.
 */
export const NO_SHOW_FINDINGS = ['ALL_CORRECT', 'WRONG_TIME', 'WRONG_PLACE', 'JOINED_LATE'] as const;
export type NoShowFinding = (typeof NO_SHOW_FINDINGS)[number];

export const NO_SHOW_FINDING_LABELS: Readonly<Record<NoShowFinding, string>> = {
  ALL_CORRECT: 'Everything matches: I am in the right place at the right time',
  WRONG_TIME: 'I had the wrong time, day or time zone',
  WRONG_PLACE: 'I had the wrong link, number or address',
  JOINED_LATE: 'It started after all: we met, late',
};

/** The cause a found mistake becomes when the incident turns into the candidate's own miss. */
export const OWN_MISTAKE_REASONS = {
  WRONG_TIME: 'TIMEZONE_ERROR',
  WRONG_PLACE: 'SCHEDULE_MIXUP',
} as const satisfies Partial<Record<NoShowFinding, MissReason>>;

// Where the candidate is waiting, as saved, so a changed link or room shows at once.
function describePlace(facts: CleanFacts): string | null {
  if (facts.format === 'IN_PERSON') return facts.location ? `I am at ${facts.location}.` : null;
  const link = facts.meetingUrl ?? facts.location;
  if (!link) return null;
  return facts.format === 'PHONE' ? `I am ready on ${link}.` : `I am on the meeting link I have: ${link}.`;
}

function describeReadiness(facts: CleanFacts): string {
  const opportunity = describeOpportunity(facts);
  if (!facts.scheduledStart) return `I am ready for our interview ${opportunity}, as confirmed.`;
  const when = formatInterviewTime(facts.scheduledStart, facts.timeZone);
  return `I am ready for our interview ${opportunity}, confirmed for ${when}.`;
}

/** The note to the contact a few minutes after the start; deterministic for the same facts. */
export function draftNoShowCheckIn(facts: CleanFacts): DraftedMessage {
  const role = facts.roleTitle;
  return {
    subject: role ? `Our ${role} interview today: checking in` : 'Our interview today: checking in',
    body: joinParagraphs([
      writeGreeting(facts),
      [describeReadiness(facts), describePlace(facts), 'I have not been able to connect with anyone yet.']
        .filter(Boolean)
        .join(' '),
      'I am happy to wait a little longer if that suits you, or to reschedule to another time that works better. Please let me know which you prefer.',
      'Thank you.',
      writeSignOff(facts),
    ]),
  };
}

// The checklist of a note drafted while waiting for an employer who did not show up.

export type NoShowChecklistId = 'cites-time' | 'two-ways' | 'word-limit' | 'no-apology' | 'no-blame';

export type NoShowChecklistItem = { id: NoShowChecklistId; label: string; passed: boolean; hint: string };

export type NoShowChecklistResult = { items: NoShowChecklistItem[]; allPassed: boolean; wordCount: number };

const WAIT = /\b(wait|hold on|stay on|remain on|keep the (link|line) open)\b/;
const RESCHEDULE =
  /\b(re-?schedul\w*|re-?arrang\w*|another (time|date|day|slot)|new (time|date|slot)|other (times?|dates?|slots?))\b/;

// Pointing at the employer's absence as a failing; a plain "I have not been able to connect" is not.
const ACCUSATION: readonly RegExp[] = [
  /\byou (didn't|did not|never|failed to|forgot to) (show|join|turn up|come|attend|call|appear|log ?in)\b/,
  /\b(no-?show|stood me up|standing me up|wasted my (time|morning|afternoon|day)|unprofessional|unacceptable|disrespectful|rude)\b/,
  /\b(nobody|no one|no-one) (bothered|cared)\b/,
  /\byou (forgot|ignored)\b/,
];

function normalise(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'").toLowerCase();
}

/** The clock time and the zone as the template writes them ("14:00", "London time, GMT"). */
function timeMarks(scheduledStart: Date, timeZone: string): { clock: string; zone: string } {
  const clock = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(scheduledStart);
  return { clock, zone: describeTimeZone(scheduledStart, timeZone) };
}

/**
 * The no-show note's checklist: it cites the confirmed time with its zone, offers both ways
 * forward (wait or reschedule), stays under MAX_NO_SHOW_WORDS words, apologises for nothing and
 * blames nobody. Every item is required; without a saved start time the time cannot be cited and
 * that item says what to add.
 */
export function checkNoShowMessage(
  text: string,
  confirmed: { scheduledStart: Date | null; timeZone: string | null },
): NoShowChecklistResult {
  const normalised = normalise(text);
  const words = countWords(text);
  const zone = confirmed.timeZone ?? 'UTC';
  const marks = confirmed.scheduledStart ? timeMarks(confirmed.scheduledStart, zone) : null;
  const citesTime = marks !== null && text.includes(marks.clock) && text.includes(marks.zone);
  const apologises = checkApologises(text).passed;
  const accusation = ACCUSATION.map((pattern) => normalised.match(pattern)?.[0]).find(Boolean);
  const blame = checkNoBlame(text);
  const items: NoShowChecklistItem[] = [
    {
      id: 'cites-time',
      label: 'Cites the confirmed time with its zone',
      passed: citesTime,
      hint: marks
        ? `Name the time you were given and its zone: “${marks.clock} (${marks.zone})”.`
        : 'Add the interview’s start time so the note can cite it.',
    },
    {
      id: 'two-ways',
      label: 'Offers to wait or to reschedule',
      passed: WAIT.test(normalised) && RESCHEDULE.test(normalised),
      hint: 'Offer both: “I am happy to wait, or to reschedule to another time.”',
    },
    {
      id: 'word-limit',
      label: `Under ${MAX_NO_SHOW_WORDS} words`,
      passed: words <= MAX_NO_SHOW_WORDS,
      hint: `${words} words now. A few lines are enough while they may be on their way.`,
    },
    {
      id: 'no-apology',
      label: 'No apology',
      passed: !apologises,
      hint: 'You did nothing wrong here: leave out “sorry” and “apologies”.',
    },
    {
      id: 'no-blame',
      label: 'No blame',
      passed: accusation === undefined && blame.passed,
      hint: accusation
        ? `Leave out “${accusation}”: there may be a simple reason, and the note should make it easy to reply.`
        : blame.passed
          ? 'Keep it factual: say you are ready and ask how they would like to go on.'
          : blame.hint,
    },
  ];
  return { items, allPassed: items.every((item) => item.passed), wordCount: words };
}

// The facts a message is built from, and the phrases every template shares. Each phrase has a
// wording for a missing fact, so a template never has to print a hole.

import type { InterviewFormat } from './interview-format';
import { type IncidentKind } from './recovery-state';
import { describeTimeZone } from './time';

export type MissReason =
  | 'TRAFFIC_TRANSPORT'
  | 'EMERGENCY'
  | 'ILLNESS'
  | 'SCHEDULE_MIXUP'
  | 'TIMEZONE_ERROR'
  | 'FORGOT'
  | 'TECHNICAL_PROBLEM'
  | 'OTHER';

export type MessageInterviewFormat = InterviewFormat;

// Nullable as well as optional: database rows hand over null for an empty column.
export type MessageFacts = {
  kind: IncidentKind;
  candidateName?: string | null;
  contactName?: string | null;
  company?: string | null;
  roleTitle?: string | null;
  roundLabel?: string | null;
  scheduledStart?: Date | null;
  timeZone?: string | null;
  format?: MessageInterviewFormat | null;
  reason?: MissReason | null;
  explanation?: string | null;
  employerWarned?: boolean | null;
  newStart?: Date | null;
  location?: string | null;
  meetingUrl?: string | null;
};

/** Facts after cleaning: every text is one trimmed line or null, every date valid or null. */
export type CleanFacts = {
  kind: IncidentKind;
  candidateName: string | null;
  contactName: string | null;
  company: string | null;
  roleTitle: string | null;
  roundLabel: string | null;
  scheduledStart: Date | null;
  timeZone: string;
  format: MessageInterviewFormat | null;
  reason: MissReason | null;
  reasonSentence: string | null;
  employerWarned: boolean;
  newStart: Date | null;
  location: string | null;
  meetingUrl: string | null;
};

export type DraftedMessage = { subject: string | null; body: string };

const MAX_REASON_WORDS = 25;

const PLACEHOLDER_PATTERNS: readonly { token: string; pattern: RegExp }[] = [
  { token: 'undefined', pattern: /\bundefined\b/ },
  { token: 'null', pattern: /\bnull\b/ },
  { token: 'NaN', pattern: /\bNaN\b/ },
  { token: 'Invalid Date', pattern: /Invalid Date/ },
  { token: '{', pattern: /\{/ },
  { token: '}', pattern: /\}/ },
];

export class PlaceholderLeakError extends Error {
  readonly tokens: readonly string[];

  constructor(tokens: readonly string[]) {
    super(`A message template left an unfilled value in its text: ${tokens.join(', ')}.`);
    this.name = 'PlaceholderLeakError';
    this.tokens = tokens;
  }
}

/** The leftover-placeholder tokens found in `text` (the JavaScript renderings of a missing value). */
export function findPlaceholders(text: string): string[] {
  return PLACEHOLDER_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ token }) => token);
}

export function assertNoPlaceholders(text: string): void {
  const tokens = findPlaceholders(text);
  if (tokens.length > 0) throw new PlaceholderLeakError(tokens);
}

// Line breaks are flattened so a fact can never split a subject header. A fact that itself
// looks like a leaked placeholder (a company saved as "undefined") is treated as missing: the
// guard in assertNoPlaceholders is for template bugs, not for user text.
function cleanLine(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const line = value.replace(/\s+/g, ' ').trim();
  if (line === '' || findPlaceholders(line).length > 0) return null;
  return line;
}

function cleanDate(value: Date | null | undefined): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// A sentence cut short ends at its last clause (after a comma, semicolon, colon or dash) when that
// keeps at least this many words, and never on a word that needs the next one.
const MIN_CLAUSE_WORDS = 6;
const DANGLING_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'but',
  'or',
  'so',
  'because',
  'as',
  'to',
  'of',
  'for',
  'with',
  'in',
  'on',
  'at',
  'by',
  'from',
  'that',
  'which',
  'my',
  'our',
  'their',
  'was',
  'were',
  'had',
  'i',
]);

function shortenToClause(words: string[]): string {
  if (words.length <= MAX_REASON_WORDS) return words.join(' ');
  let kept = words.slice(0, MAX_REASON_WORDS);
  for (let end = kept.length - 1; end >= MIN_CLAUSE_WORDS; end -= 1) {
    if (/[,;:]$/.test(kept[end - 1] ?? '') || /^[–—-]$/.test(kept[end] ?? '')) {
      kept = kept.slice(0, end);
      break;
    }
  }
  while (kept.length > MIN_CLAUSE_WORDS && DANGLING_WORDS.has((kept.at(-1) ?? '').toLowerCase().replace(/[,;:]$/, '')))
    kept = kept.slice(0, -1);
  return kept.join(' ');
}

/**
 * The explanation as one short sentence: the first sentence only, at most MAX_REASON_WORDS
 * words (cut at a clause, not mid-phrase), capitalised and ending with a full stop. The apology
 * matters more than the excuse.
 */
export function summariseExplanation(explanation: string | null | undefined): string | null {
  const text = cleanLine(explanation);
  if (!text) return null;
  const firstSentence = text.split(/(?<=[.!?])\s+/)[0] ?? text;
  let sentence = shortenToClause(firstSentence.split(' '));
  sentence = sentence.replace(/[\s,;:–—-]+$/, '');
  if (sentence === '') return null;
  if (!/[.!?]$/.test(sentence)) sentence = `${sentence}.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function cleanFacts(facts: MessageFacts): CleanFacts {
  const timeZone = cleanLine(facts.timeZone);
  return {
    kind: facts.kind,
    candidateName: cleanLine(facts.candidateName),
    contactName: cleanLine(facts.contactName),
    company: cleanLine(facts.company),
    roleTitle: cleanLine(facts.roleTitle),
    roundLabel: cleanLine(facts.roundLabel),
    scheduledStart: cleanDate(facts.scheduledStart),
    // Without a usable zone, UTC is at least unambiguous and says so in the text.
    timeZone: timeZone && isKnownTimeZone(timeZone) ? timeZone : 'UTC',
    format: facts.format ?? null,
    reason: facts.reason ?? null,
    reasonSentence: summariseExplanation(facts.explanation),
    employerWarned: facts.employerWarned === true,
    newStart: cleanDate(facts.newStart),
    location: cleanLine(facts.location),
    meetingUrl: cleanLine(facts.meetingUrl),
  };
}

function readParts(instant: Date, timeZone: string, options: Intl.DateTimeFormatOptions): Map<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', { ...options, timeZone, hourCycle: 'h23' }).formatToParts(instant);
  return new Map(parts.map((part) => [part.type, part.value]));
}

/** "Tuesday 3 March at 14:00 (London time, GMT)", in the interview's zone. */
export function formatInterviewTime(instant: Date, timeZone: string): string {
  const parts = readParts(instant, timeZone, { weekday: 'long', day: 'numeric', month: 'long' });
  return `${parts.get('weekday')} ${parts.get('day')} ${parts.get('month')} at ${formatClock(instant, timeZone)} (${describeTimeZone(instant, timeZone)})`;
}

/** "14:00" in the zone, for times on a day already named. */
function formatClock(instant: Date, timeZone: string): string {
  const parts = readParts(instant, timeZone, { hour: '2-digit', minute: '2-digit' });
  return `${parts.get('hour')}:${parts.get('minute')}`;
}

export function writeGreeting(facts: CleanFacts): string {
  return facts.contactName ? `Dear ${facts.contactName},` : 'Hello,';
}

// Illness and emergencies are not a "mistake"; what the candidate owns there is the short
// notice. Running late is owned as not allowing enough time.
export function writeResponsibility(facts: CleanFacts): string {
  if (facts.reason === 'ILLNESS' || facts.reason === 'EMERGENCY') {
    return facts.employerWarned || facts.kind === 'RUNNING_LATE'
      ? 'I take full responsibility for the disruption this caused.'
      : 'I should have found a way to let you know sooner, and I take full responsibility for that.';
  }
  if (facts.kind === 'RUNNING_LATE') return 'I should have allowed more time, and I take full responsibility for that.';
  return 'It was my mistake, and I take full responsibility for it.';
}

export function writeSignOff(facts: CleanFacts): string {
  return facts.candidateName ? `Kind regards,\n${facts.candidateName}` : 'Kind regards,';
}

/** "the Backend Engineer position (Second round)", or null when the role is unknown. */
export function describeRole(facts: CleanFacts): string | null {
  if (!facts.roleTitle) return null;
  return facts.roundLabel ? `the ${facts.roleTitle} position (${facts.roundLabel})` : `the ${facts.roleTitle} position`;
}

/** "my interview for the Backend Engineer position at Acme on Tuesday 3 March at 14:00 (GMT)". */
export function describeInterview(facts: CleanFacts, options: { withTime: boolean } = { withTime: true }): string {
  const role = describeRole(facts);
  let phrase = role
    ? `my interview for ${role}`
    : facts.roundLabel
      ? `my interview (${facts.roundLabel})`
      : 'my interview';
  phrase += facts.company ? ` at ${facts.company}` : ' with your team';
  if (options.withTime && facts.scheduledStart)
    phrase += ` on ${formatInterviewTime(facts.scheduledStart, facts.timeZone)}`;
  return phrase;
}

export function describeCompany(facts: CleanFacts): string {
  return facts.company ?? 'your team';
}

/** "for the Backend Engineer position at Acme", "with your team" when both are unknown. */
export function describeOpportunity(facts: CleanFacts): string {
  const role = describeRole(facts);
  const place = facts.company ? `at ${facts.company}` : 'with your team';
  return role ? `for ${role} ${place}` : place;
}

/** Paragraphs joined with blank lines; empty ones dropped so a missing fact leaves no gap. */
export function joinParagraphs(paragraphs: readonly (string | null | false)[]): string {
  return paragraphs
    .filter((paragraph): paragraph is string => typeof paragraph === 'string' && paragraph !== '')
    .join('\n\n');
}

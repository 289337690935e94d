// One cell's text read as the value of one field: a salary, a source, a close reason, an
// interview format, a yes/no, and the two cells only Rebound's own export writes (its contacts
// and its stage history, read back exactly as lib/server/applications/stream-applications-csv.ts
// and formatStageHistory wrote them). Each reader returns null for text it cannot read clearly;
// the row keeps the text elsewhere rather than guess.
import {
  CLOSE_REASON_LABELS,
  CONTACT_ROLE_LABELS,
  SALARY_PERIOD_LABELS,
  SOURCE_LABELS,
  type SalaryRange,
} from './application-details';
import type { ImportedContact, ImportedStageStep } from './csv-import';
import { FORMAT_LABELS } from './interview-format';
import { INTERVIEW_STATUS_LABELS } from './interview-status';
import type {
  ApplicationCloseReason,
  ApplicationSource,
  ContactRole,
  InterviewFormat,
  InterviewStatus,
  SalaryPeriod,
} from '@/lib/generated/prisma/enums';

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function reverseLabels<T extends string>(labels: Readonly<Record<T, string>>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    map.set(words(label), value);
    map.set(words(value), value);
  }
  return map;
}

// ─── Salary ─────────────────────────────────────────────────────────────────────────────────

export const SALARY_LIMIT = 100_000_000;

const CURRENCY_SYMBOLS: readonly [string, string][] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₪', 'ILS'],
  ['zł', 'PLN'],
];
// Codes written in lower case are taken only when they cannot be an ordinary word.
const LOWER_CASE_CODES = new Set(['usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'nzd', 'sek', 'nok', 'dkk', 'pln', 'inr']);
const KNOWN_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

function findCurrency(text: string): string | null {
  for (const match of text.matchAll(/\b([A-Za-z]{3})\b/g)) {
    const code = match[1] ?? '';
    const isCode = code === code.toUpperCase() ? KNOWN_CODES.has(code) : LOWER_CASE_CODES.has(code);
    if (isCode) return code.toUpperCase();
  }
  for (const [symbol, code] of CURRENCY_SYMBOLS) if (text.includes(symbol)) return code;
  return null;
}

function findPeriod(text: string): SalaryPeriod | null {
  const lower = text.toLowerCase();
  if (/\b(?:hr|hrs|hour|hours|hourly|ph)\b|\/\s*h\b|per h\b/.test(lower)) return 'HOUR';
  if (/\b(?:mo|mos|mth|month|months|monthly)\b|\/\s*m\b/.test(lower)) return 'MONTH';
  if (/\b(?:yr|yrs|year|years|yearly|annual|annually|annum|pa|p\.a)\b|\/\s*y\b/.test(lower)) return 'YEAR';
  return null;
}

// A figure with thousands grouping ("120,000", "50.000", "50 000", "1'200") or a plain or
// decimal one ("120000", "12.5", "1,5"), then an optional k or m not starting a word ("month").
const AMOUNT =
  /(\d{1,3}(?:([,.' \u00a0\u202f])\d{3})(?:\2\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*([kKmM](?![a-zA-Z]))?/g;

function readAmount(figure: string, separator: string | undefined): number {
  let text = figure;
  if (separator) {
    text = text.split(separator).join('');
  }
  return Number(text.replace(',', '.'));
}

/**
 * "$120k–140k", "120000", "€50.000/yr", "£50,000 - £60,000 per year", "40 USD/hour", "Up to 90k",
 * "From €4,000 a month": whole amounts, a currency and a period where the text says them (a
 * missing one is null); null when the text holds no figure or more than two.
 */
export function parseSalaryText(text: string): SalaryRange | null {
  const amounts = [...text.matchAll(AMOUNT)].map((match) => ({
    value: readAmount(match[1] ?? '', match[2]),
    multiplier: match[3] ? (match[3].toLowerCase() === 'k' ? 1_000 : 1_000_000) : 1,
  }));
  if (amounts.length === 0 || amounts.length > 2) return null;
  const [first, second] = amounts as [(typeof amounts)[number], (typeof amounts)[number] | undefined];
  // "120–140k": the suffix on the upper bound is meant for both.
  if (second && first.multiplier === 1 && second.multiplier > 1 && first.value < 1_000) {
    first.multiplier = second.multiplier;
  }
  const values = amounts.map((amount) => Math.round(amount.value * amount.multiplier));
  if (values.some((value) => !Number.isFinite(value) || value < 0 || value > SALARY_LIMIT)) return null;
  const lower = text.toLowerCase();
  let salaryMin: number | null = Math.min(...values);
  let salaryMax: number | null = Math.max(...values);
  if (values.length === 1) {
    if (/\b(?:up to|max|maximum|below|under)\b|^\s*</.test(lower)) salaryMin = null;
    else if (/\b(?:from|min|minimum|at least|over)\b|\+\s*$/.test(lower)) salaryMax = null;
  }
  return { salaryMin, salaryMax, salaryCurrency: findCurrency(text), salaryPeriod: findPeriod(text) };
}

/** A whole amount in its own column ("120000", "120,000", "120k"); null when it is not one. */
export function parseAmount(text: string): number | null {
  const range = parseSalaryText(text);
  if (!range || range.salaryMin === null || range.salaryMin !== range.salaryMax) return null;
  return range.salaryMin;
}

const PERIODS = reverseLabels(SALARY_PERIOD_LABELS);

/** "per year", "Yearly", "YEAR", "hourly", "monthly" → the period. */
export function parseSalaryPeriod(text: string): SalaryPeriod | null {
  return PERIODS.get(words(text)) ?? findPeriod(text);
}

/** A three-letter currency code (any case) or a symbol. */
export function parseCurrency(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{3}$/.test(trimmed) && KNOWN_CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return CURRENCY_SYMBOLS.find(([symbol]) => symbol === trimmed)?.[1] ?? null;
}

// ─── Source, close reason, format, yes/no ──────────────────────────────────────────────────

const SOURCE_RULES: readonly [RegExp, ApplicationSource][] = [
  [/\b(?:referr\w*|referred|refer|employee referral|friend|former colleague)\b/, 'REFERRAL'],
  [/\b(?:recruit\w*|agency|headhunt\w*|staffing|talent partner|inbound)\b/, 'RECRUITER'],
  [
    /\b(?:linked ?in|indeed|glassdoor|monster|zip ?recruiter|dice|wellfound|angel ?list|stepstone|xing|seek|otta|welcome to the jungle|builtin|built in|simply ?hired|careerbuilder|reed|totaljobs|handshake|eures|arbeitsagentur|jsearch|google jobs|google|hacker news|remoteok|we work remotely|job ?board|job site|jobs site)\b/,
    'JOB_BOARD',
  ],
  [/\b(?:company (?:site|website|career|careers)|careers? (?:page|site)|website|direct|directly)\b/, 'COMPANY_SITE'],
];
const SOURCE_BY_LABEL = reverseLabels(SOURCE_LABELS);

/**
 * Where an application came from: Rebound's own labels, a job board's name, "referral",
 * "careers page"…; text it cannot place is OTHER. The text itself stays as the detail (but for
 * a bare label), so "LinkedIn" reads "Job board · LinkedIn".
 */
export function parseSource(text: string): { source: ApplicationSource | null; sourceDetail: string | null } {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const key = words(trimmed);
  if (!key || key === 'not recorded') return { source: null, sourceDetail: null };
  const labelled = SOURCE_BY_LABEL.get(key);
  if (labelled) return { source: labelled, sourceDetail: null };
  const detail = trimmed.slice(0, 200);
  const rule = SOURCE_RULES.find(([pattern]) => pattern.test(key));
  return { source: rule ? rule[1] : 'OTHER', sourceDetail: detail };
}

const CLOSE_REASONS = reverseLabels(CLOSE_REASON_LABELS);

export function parseCloseReason(text: string): ApplicationCloseReason | null {
  return CLOSE_REASONS.get(words(text)) ?? null;
}

const FORMATS = reverseLabels(FORMAT_LABELS);

/** "Video call", "In person", "Phone call" (Rebound's labels) and the words people use for them. */
export function parseInterviewFormat(text: string): InterviewFormat | null {
  const key = words(text);
  const labelled = FORMATS.get(key);
  if (labelled) return labelled;
  if (/\b(?:video|zoom|teams|meet|webex|virtual|remote|online)\b/.test(key)) return 'VIDEO';
  if (/\b(?:phone|call|telephone)\b/.test(key)) return 'PHONE';
  if (/\b(?:in person|onsite|on site|office|in office|face to face)\b/.test(key)) return 'IN_PERSON';
  return null;
}

const STATUSES = reverseLabels(INTERVIEW_STATUS_LABELS);

/** "Completed", "Cancelled" (Rebound's labels) and the words people use for them. */
export function parseInterviewStatus(text: string): InterviewStatus | null {
  const key = words(text);
  const labelled = STATUSES.get(key);
  if (labelled) return labelled;
  if (/\b(?:cancell?ed|called off)\b/.test(key)) return 'CANCELLED';
  if (/\b(?:missed|no show|did not attend)\b/.test(key)) return 'MISSED';
  if (/\b(?:done|completed|attended|held|passed|failed)\b/.test(key)) return 'COMPLETED';
  if (/\b(?:moved|rescheduled|postponed)\b/.test(key)) return 'RESCHEDULED';
  if (/\b(?:scheduled|upcoming|booked|confirmed|planned)\b/.test(key)) return 'SCHEDULED';
  return null;
}

/** Yes/no cells and workplace words: "true", "Yes", "Remote", "Fully remote" are remote; anything else is not. */
export function parseRemote(text: string): boolean {
  const key = words(text);
  return /^(?:true|yes|y|1|remote|fully remote|remote only|100 remote|work from home|wfh)$/.test(key);
}

/** Whole minutes from 1 to a day, from "45", "45 min", "1h", "1:30". */
export function parseDurationMinutes(text: string): number | null {
  const key = text.trim().toLowerCase();
  let minutes: number | null = null;
  const clock = /^(\d{1,2}):(\d{2})$/.exec(key);
  const hours = /^(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours)$/.exec(key);
  const plain = /^(\d+)\s*(?:m|min|mins|minute|minutes)?$/.exec(key);
  if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  else if (hours) minutes = Math.round(Number((hours[1] ?? '').replace(',', '.')) * 60);
  else if (plain) minutes = Number(plain[1]);
  return minutes !== null && Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440 ? minutes : null;
}

// ─── Rebound's own cells ────────────────────────────────────────────────────────────────────

const ROLE_BY_LABEL = new Map(
  (Object.entries(CONTACT_ROLE_LABELS) as [ContactRole, string][]).map(([role, label]) => [label.toLowerCase(), role]),
);

/**
 * The export's "Contacts" cell back into contacts: one per line, "Name (role), email, phone"
 * with the email and the phone each left out when the contact has none.
 */
export function parseContactsCell(text: string): ImportedContact[] {
  const contacts: ImportedContact[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const match = /^(.*) \(([^()]+)\)(?:, (.*))?$/.exec(line);
    const role = match ? ROLE_BY_LABEL.get((match[2] ?? '').toLowerCase()) : undefined;
    if (!match || !role) {
      contacts.push({ name: line.trim(), email: null, phone: null, role: 'OTHER' });
      continue;
    }
    const details = match[3] ? match[3].split(', ') : [];
    const hasEmail = details[0]?.includes('@') ?? false;
    const email = hasEmail ? (details[0] ?? null) : null;
    const phone = (hasEmail ? details.slice(1) : details).join(', ') || null;
    contacts.push({ name: match[1] ?? '', email, phone, role });
  }
  return contacts;
}

const HISTORY_SEPARATOR = ' → ';

/**
 * The export's "Stage history" cell back into steps: "2026-11-02 Applied → 2026-11-09 Screening".
 * The cell names only the stage each step went to; the stage it came from is the one before
 * (none for the first). Null when a step is not "YYYY-MM-DD Stage name".
 */
export function parseStageHistory(text: string): ImportedStageStep[] | null {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const steps: ImportedStageStep[] = [];
  for (const part of trimmed.split(HISTORY_SEPARATOR)) {
    const match = /^(\d{4}-\d{2}-\d{2}) (.+)$/.exec(part.trim());
    if (!match) return null;
    steps.push({ on: match[1] ?? '', fromStageName: steps.at(-1)?.toStageName ?? null, toStageName: match[2] ?? '' });
  }
  return steps;
}

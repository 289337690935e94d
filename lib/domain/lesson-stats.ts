// Small statistics helpers for the patterns page. The heavy lifting (counts, medians) happens in
// the database; these define the same arithmetic in plain code so it can be unit-tested and used
// to shape what the database returns (empty months, zero denominators) for charts and tables.
import { utcToZonedLocal } from './time';
import type { RootCause } from './lesson-rules';

export type MonthKey = string; // 'YYYY-MM'

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The middle value; for an even count the mean of the two middle values, like Postgres's
 * percentile_cont(0.5). Null for no values: "no data" must not read as "zero minutes".
 */
export function computeMedian(values: readonly number[]): number | null {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] as number) + upper) / 2;
}

/** part / whole, or null when there is nothing to divide by (0 of 0 is unknown, not 0%). */
export function computeRate(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return part / whole;
}

/** The calendar month an instant falls in, as the user's calendar reads it. */
export function toMonthKey(instant: Date, timeZone: string): MonthKey {
  return utcToZonedLocal(instant, timeZone).slice(0, 7);
}

export function addMonths(key: MonthKey, count: number): MonthKey {
  const { year, month } = parseMonthKey(key);
  const index = year * 12 + (month - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when from is after to. */
export function listMonthKeys(from: MonthKey, to: MonthKey): MonthKey[] {
  const keys: MonthKey[] = [];
  for (let key = from; key <= to; key = addMonths(key, 1)) keys.push(key);
  return keys;
}

/**
 * A row for every month of the range, with zeros where the database had nothing: a chart that
 * skipped empty months would draw a quiet spell as if it never happened.
 */
export function fillMonths<Row extends { month: MonthKey }>(
  rows: readonly Row[],
  from: MonthKey,
  to: MonthKey,
  createEmpty: (month: MonthKey) => Row,
): Row[] {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return listMonthKeys(from, to).map((month) => byMonth.get(month) ?? createEmpty(month));
}

/**
 * The months worth showing: from the first month with something in it to the end of the range.
 * Quiet months after the first incident stay (a quiet spell is worth seeing); the quiet months
 * before it say nothing, so one incident is not drawn as eleven empty months and one bar.
 */
export function dropLeadingEmptyMonths<Row extends { month: MonthKey }>(
  rows: readonly Row[],
  isEmpty: (row: Row) => boolean,
): Row[] {
  const first = rows.findIndex((row) => !isEmpty(row));
  return first === -1 ? [] : rows.slice(first);
}

/** "Mar 2026". */
export function formatMonthLabel(key: MonthKey): string {
  const { year, month } = parseMonthKey(key);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** "45 min", "2 h 5 min", "3 d 4 h"; an em dash when there is no value. */
export function formatDuration(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return `${total} min`;
  if (total < 24 * 60) {
    const rest = total % 60;
    return rest === 0 ? `${Math.floor(total / 60)} h` : `${Math.floor(total / 60)} h ${rest} min`;
  }
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

/** "67%"; an em dash when the rate is unknown. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/**
 * The top of a chart's axis: the smallest 1, 2 or 5 × 10ⁿ at or above the largest value, so
 * gridlines fall on round numbers. At least 1, so an all-zero chart still has an axis.
 */
export function computeAxisMax(largest: number): number {
  if (!Number.isFinite(largest) || largest <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= largest) return step * magnitude;
  }
  return 10 * magnitude;
}

function parseMonthKey(key: MonthKey): { year: number; month: number } {
  const match = MONTH_KEY.exec(key);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`"${key}" is not a month in the form YYYY-MM.`);
  return { year, month };
}

// What the patterns page shows; lib/server/lessons/get-patterns.ts computes it in SQL.
export const OUTCOME_BUCKETS = [
  'RESCHEDULED',
  'DECLINED',
  'NO_RESPONSE',
  'ATTENDED_LATE',
  'WAITING',
  'NOT_ASKED',
] as const;
export type OutcomeBucket = (typeof OUTCOME_BUCKETS)[number];

export type CauseRow = { rootCause: RootCause; missed: number; runningLate: number; nearMisses: number };
export type MonthRow = { month: MonthKey; missed: number; runningLate: number };

/**
 * One employer on the candidate's side of the recovery patterns: whom the user missed or was late
 * for, and how the employer answered the reschedule requests that followed.
 */
export type CompanyRow = {
  company: string;
  /** Missed or late interviews, and candidate-side lessons kept after their interview was deleted. */
  missed: number;
  /** Reschedule requests after a miss that the employer answered. */
  requestsAccepted: number;
  requestsDeclined: number;
};

/** One employer on the employer's side: the times they did not show up, and the times they moved the interview. */
export type EmployerCompanyRow = {
  company: string;
  /** Interviews the employer did not show up to (EMPLOYER_NO_SHOW incidents). */
  noShows: number;
  /**
   * Times the employer moved an interview, by asking or by an updated invitation; not the second
   * chance they gave after the candidate's miss, which is the candidate's side (requestsAccepted).
   */
  reschedules: number;
};

/** One company with both sides' counts, as the one grouped statement returns it (get-patterns.ts). */
export type CompanySidesRow = CompanyRow & Omit<EmployerCompanyRow, 'company'>;

/** Companies shown at most on each side of the recovery patterns, the most affected first. */
export const COMPANIES_SHOWN = 20;

export type CompanySides = { candidate: CompanyRow[]; employer: EmployerCompanyRow[] };

const byName = (a: { company: string }, b: { company: string }) =>
  a.company < b.company ? -1 : a.company > b.company ? 1 : 0;

/**
 * Splits the per-company rows into the two sides: a company appears on a side only where it has
 * something to count there, the most affected first (the candidate's: misses, then answered
 * requests; the employer's: no-shows, then reschedules; ties by name), at most COMPANIES_SHOWN
 * each. The statement ranks the same way, so the rows it keeps are the ones kept here.
 */
export function foldCompanySides(rows: readonly CompanySidesRow[]): CompanySides {
  const candidate = rows
    .filter((row) => row.missed + row.requestsAccepted + row.requestsDeclined > 0)
    .map(({ company, missed, requestsAccepted, requestsDeclined }) => ({
      company,
      missed,
      requestsAccepted,
      requestsDeclined,
    }))
    .sort(
      (a, b) =>
        b.missed - a.missed ||
        b.requestsAccepted + b.requestsDeclined - (a.requestsAccepted + a.requestsDeclined) ||
        byName(a, b),
    )
    .slice(0, COMPANIES_SHOWN);
  const employer = rows
    .filter((row) => row.noShows + row.reschedules > 0)
    .map(({ company, noShows, reschedules }) => ({ company, noShows, reschedules }))
    .sort((a, b) => b.noShows - a.noShows || b.reschedules - a.reschedules || byName(a, b))
    .slice(0, COMPANIES_SHOWN);
  return { candidate, employer };
}

export type LessonPatterns = {
  /** The candidate's side: every root cause, in the fixed order, zeros included. */
  byCause: CauseRow[];
  /** The candidate's side: contiguous months, oldest first, ending with the current month. */
  byMonth: MonthRow[];
  /** The candidate's recoveries: every bucket, in the fixed order, zeros included. */
  outcomes: { outcome: OutcomeBucket; count: number }[];
  timing: {
    medianMinutesToCall: number | null;
    callsCounted: number;
    medianMinutesToApology: number | null;
    apologiesCounted: number;
  };
  reschedule: { accepted: number; declined: number; noResponse: number; pending: number; successRate: number | null };
  /** The candidate's side by company: at most COMPANIES_SHOWN employers, the most missed first. */
  byCompany: CompanyRow[];
  /** The employer's side by company: at most COMPANIES_SHOWN employers, the most no-shows first. */
  byEmployerCompany: EmployerCompanyRow[];
  totals: {
    /** The candidate's misses and late arrivals. */
    incidents: number;
    /** Candidate-side lessons added by hand. */
    nearMisses: number;
    /** The employer's side, every company counted. */
    noShows: number;
    employerReschedules: number;
  };
};

// The proof-of-search page's date range, read from its URL (a GET form, so the page can be
// bookmarked and its CSV link carries the same range). A bad range is refused with a message
// the page shows beside the form; it never falls back silently, since a proof that covers other
// dates than the ones asked for would mislead whoever reads it.
import { z } from 'zod/mini';
import { calendarDateSchema } from './common';

/** Days the default range covers, today included. */
export const PROOF_DEFAULT_DAYS = 30;
/** The longest range, in years: a benefits office asks for weeks or months, not a career. */
export const PROOF_MAX_YEARS = 2;

export const PROOF_INVERTED_MESSAGE = 'The start date is after the end date. Swap them, or pick another range.';
export const PROOF_TOO_LONG_MESSAGE = `Pick a range of at most ${PROOF_MAX_YEARS} years; for longer, make one report per period.`;

export type ProofRange = { from: string; to: string };

export type ProofRangeResult =
  | { ok: true; range: ProofRange }
  /** What was typed, so the form shows it again beside the message. */
  | { ok: false; message: string; field: 'from' | 'to'; values: { from: string; to: string } };

const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' moved by whole days. */
export function addDaysToDateKey(key: string, days: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same day `years` later ('2028-02-29' for 2026-02-28 + 2 is fine; 29 Feb + 2 years is 1 Mar). */
function addYearsToDateKey(key: string, years: number): string {
  const date = new Date(`${key}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/** The last 30 days, today included, in the user's calendar. */
export function defaultProofRange(today: string): ProofRange {
  return { from: addDaysToDateKey(today, -(PROOF_DEFAULT_DAYS - 1)), to: today };
}

const rawParam = z.optional(z.string());

/**
 * The range from the URL's `from` and `to`: either may be left out (it takes its default),
 * each must be a real date, from ≤ to, and to at most two years after from.
 */
export function parseProofRange(raw: { from?: unknown; to?: unknown }, today: string): ProofRangeResult {
  const defaults = defaultProofRange(today);
  const from = readParam(raw.from);
  const to = readParam(raw.to);
  const values = { from: from ?? defaults.from, to: to ?? defaults.to };
  for (const field of ['from', 'to'] as const) {
    const checked = calendarDateSchema.safeParse(values[field]);
    if (!checked.success) {
      return { ok: false, field, values, message: checked.error.issues[0]?.message ?? 'Enter the date as YYYY-MM-DD.' };
    }
  }
  if (values.from > values.to) return { ok: false, field: 'from', values, message: PROOF_INVERTED_MESSAGE };
  if (values.to > addYearsToDateKey(values.from, PROOF_MAX_YEARS)) {
    return { ok: false, field: 'to', values, message: PROOF_TOO_LONG_MESSAGE };
  }
  return { ok: true, range: values };
}

/** A query parameter as one string; an empty field counts as left out, a repeated one as its first. */
function readParam(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const parsed = rawParam.safeParse(first);
  if (!parsed.success || parsed.data === undefined) return undefined;
  const trimmed = parsed.data.trim();
  return trimmed === '' ? undefined : trimmed;
}

// Dates and times as trackers and spreadsheets write them, read into Rebound's own shapes
// ('YYYY-MM-DD' and 'HH:mm'). A date whose day order cannot be told from the text itself
// (3/4/2026) is read in the order the user chose for the file (csv-import-mapping.ts suggests
// one from all its dates); ISO dates and dates with a month name read the same in any order.
import type { DateOrder } from './csv-import';

export type ImportDate = { date: string; time: string | null };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
// A time at the end of a date cell: "14:30", "2:30 PM", "12:09 AM", "14:30:00", "3 pm", after a
// space, a comma, a "T" or " at ".
const TRAILING_TIME =
  /(?:[\sT,]+|\s+at\s+)(\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)$/i;
// An ISO date and time, with a zone or offset that is read as written (see parseImportInstant).
const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;
const NUMERIC = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$/;

/**
 * A two-digit year as spreadsheets pivot it: 00–69 → 2000–2069, 70–99 → 1970–1999 (Excel and
 * POSIX strptime use the same split), so "26" is 2026 and "98" is 1998.
 */
export function expandYear(year: string): number {
  const value = Number(year);
  if (year.length !== 2) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

// The same rule as a form's date (isRealDate in lib/validation/common.ts: a day on the calendar,
// year 1000 or later), written out here so the mapping page's modules bring no zod to the browser.
function toDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A time of day as 'HH:mm': "14:30", "14:30:59", "2:30 pm", "2:30PM", "2 p.m.", "12:09 AM"; null when it is not one. */
export function parseImportTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*(?:([ap])\.?\s?m\.?)?$/i.exec(text.trim());
  if (!match) return null;
  const [, hourText, minuteText, , meridiem] = match;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  // A bare number ("14") is not a time: it could be anything.
  if (minuteText === undefined && meridiem === undefined) return null;
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const isPm = meridiem.toLowerCase() === 'p';
    hour = (hour % 12) + (isPm ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * A calendar date (and a time when the cell has one) from the ways trackers and spreadsheets
 * write them: ISO ("2026-12-07", "2026-12-07 14:30:00", "2026-12-07T14:30Z"), numeric in the
 * given order ("7/12/2026", "12/7/26, 2:30 PM" as LinkedIn writes, "7.12.2026", "07-12-2026"),
 * and English month names ("7 Dec 2026", "December 7, 2026", "Mon, 7 Dec 2026 14:00",
 * "07-Dec-26"). A day that does not exist (31 February) is null, as is anything else.
 * An ISO time with a zone is taken as written (its date and wall time in that zone).
 */
export function parseImportDate(text: string, order: DateOrder): ImportDate | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return null;

  const iso = ISO.exec(trimmed);
  if (iso) {
    const [, year, month, day, hour, minute] = iso;
    const date = toDate(Number(year), Number(month), Number(day));
    if (!date) return null;
    if (hour === undefined) return { date, time: null };
    const time = parseImportTime(`${hour}:${minute}`);
    return time ? { date, time } : null;
  }

  let rest = trimmed.replace(WEEKDAY, '');
  let time: string | null = null;
  const trailing = TRAILING_TIME.exec(rest);
  if (trailing?.[1] && trailing.index > 0) {
    time = parseImportTime(trailing[1]);
    if (!time) return null;
    rest = rest.slice(0, trailing.index).replace(/[\s,]+$/, '');
  }

  const numeric = NUMERIC.exec(rest);
  if (numeric) {
    const [, first, second, year] = numeric as unknown as [string, string, string, string];
    const [day, month] = order === 'MDY' ? [second, first] : [first, second];
    const date = toDate(expandYear(year), Number(month), Number(day));
    return date ? { date, time } : null;
  }

  const date = parseMonthNameDate(rest);
  return date ? { date, time } : null;
}

// "7 Dec 2026", "Dec 7, 2026", "December 7th 2026", "7-Dec-26", "Dec. 7, 2026": one month name
// and two numbers, the year being the four-digit one (or the last when both are short).
function parseMonthNameDate(text: string): string | null {
  const tokens = text
    .toLowerCase()
    .split(/[\s,./-]+/)
    .filter(Boolean);
  if (tokens.length !== 3) return null;
  const monthIndex = tokens.findIndex((token) => MONTHS[token] !== undefined);
  if (monthIndex === -1) return null;
  const month = MONTHS[tokens[monthIndex] ?? ''] ?? 0;
  const numbers = tokens.filter((_, index) => index !== monthIndex).map((token) => token.replace(/(st|nd|rd|th)$/, ''));
  if (!numbers.every((token) => /^\d{1,4}$/.test(token))) return null;
  const [a, b] = numbers as [string, string];
  let dayText: string;
  let yearText: string;
  if (a.length === 4) [yearText, dayText] = [a, b];
  else if (b.length === 4 || b.length === 2) [dayText, yearText] = [a, b];
  else return null;
  if (dayText.length > 2 || (yearText.length !== 4 && yearText.length !== 2)) return null;
  return toDate(expandYear(yearText), month, Number(dayText));
}

/**
 * An ISO 8601 instant ("2026-12-07T14:30:00.000Z", "2026-12-07T15:30:00+01:00") as Rebound's own
 * exports write "Added" and "Start (UTC)"; null when the text has no zone or offset.
 */
export function parseImportInstant(text: string): Date | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return null;
  const instant = new Date(trimmed.replace(' ', 'T'));
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** What a date cell says about day order: a first part over 12 proves day-first, a second over 12 month-first. */
export function dateOrderEvidence(text: string): 'DMY' | 'MDY' | 'YMD' | 'ambiguous' | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return null;
  if (ISO.exec(trimmed)) return 'YMD';
  let rest = trimmed.replace(WEEKDAY, '');
  const trailing = TRAILING_TIME.exec(rest);
  if (trailing && trailing.index > 0) rest = rest.slice(0, trailing.index).replace(/[\s,]+$/, '');
  const numeric = NUMERIC.exec(rest);
  if (!numeric) return null;
  const first = Number(numeric[1]);
  const second = Number(numeric[2]);
  if (first > 12 && second <= 12) return 'DMY';
  if (second > 12 && first <= 12) return 'MDY';
  if (first <= 12 && second <= 12) return 'ambiguous';
  return null;
}

// zod/mini rather than zod: the same schemas and messages, built from functions the bundler can
// drop when unused, so the forms that validate in the browser ship a fraction of zod.
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import { isValidTimeZone } from '@/lib/domain/time';
import { EMAIL_INVALID_MESSAGE, EMAIL_MAX_LENGTH, EMAIL_REQUIRED_MESSAGE, EMAIL_TOO_LONG_MESSAGE } from './limits';

// zod/mini carries no messages of its own; English is what full zod says for a check without one.
z.config(en());

export const CONTROL_CHARACTER_MESSAGE = 'Remove the invisible control characters from this field.';
export const IMPOSSIBLE_DATE_MESSAGE = 'That date does not exist.';

// C0 controls and DEL. PostgreSQL refuses NUL in text outright; the others are never typed on
// purpose and only hide what a field really says (in a CSV, a mail header, a calendar file).
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// A textarea sends tabs and line breaks (CR LF from some clients); nothing else below 0x20.
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Half of a UTF-16 surrogate pair cannot be encoded as UTF-8, so JSON and the database reject it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether text is safe to store: no control characters (bar tab and line breaks when multi-line), no half surrogate pairs. */
export function isCleanText(value: string, { multiLine = false }: { multiLine?: boolean } = {}): boolean {
  return !(multiLine ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value) && !LONE_SURROGATE.test(value);
}

type TextOptions = { multiLine?: boolean; trim?: boolean; message?: string };

/**
 * The start of every text field in every schema: a string with no control characters and no
 * lone surrogates. `trim` trims before the check, so a tab pasted around an email address is
 * dropped rather than refused. Chain min/max after it as usual; the control check comes first,
 * so a field with a NUL in it says so rather than something about its length.
 */
export function textSchema({ multiLine = false, trim = false, message }: TextOptions = {}) {
  const string = z.string(message === undefined ? undefined : { message });
  const clean = z.refine<string>((value) => isCleanText(value, { multiLine }), CONTROL_CHARACTER_MESSAGE);
  return trim ? string.check(z.trim(), clean) : string.check(clean);
}

/**
 * Whether 'YYYY-MM-DD' names a day on the calendar (no 30 February, no month 00). Years before
 * 1000 are refused too: lib/domain/time reads them through Date.UTC, which maps 0..99 to 19xx.
 */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1000) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A form's 'YYYY-MM-DD' date: the format first, then that the day exists. */
export const calendarDateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD.'),
  z.refine((value) => isRealDate(value), IMPOSSIBLE_DATE_MESSAGE),
);

export const timeZoneSchema = textSchema({ trim: true }).check(
  z.minLength(1, 'Choose a time zone.'),
  z.maxLength(64, 'That time zone name is too long.'),
  z.refine(
    (value) => isValidTimeZone(value),
    'That time zone does not exist. Pick one from the list, e.g. Europe/London.',
  ),
);

export const emailSchema = z.pipe(
  z.pipe(
    textSchema({ trim: true }).check(
      z.minLength(1, EMAIL_REQUIRED_MESSAGE),
      z.maxLength(EMAIL_MAX_LENGTH, EMAIL_TOO_LONG_MESSAGE),
    ),
    z.email(EMAIL_INVALID_MESSAGE),
  ),
  z.transform((value: string) => value.toLowerCase()),
);

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value from the URL can be a record's id at all (before asking the database). */
export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/**
 * The one schema for a record id in any input. A malformed id cannot name one of the user's
 * records, so it fails like a missing one: the action layer answers NOT_FOUND for it, with
 * the same words as a record that is not there (or is someone else's).
 */
export function idSchema(what: string) {
  return z.custom<string>((value) => typeof value === 'string' && ID_PATTERN.test(value), {
    message: `That ${what} does not exist.`,
    params: { code: 'NOT_FOUND' },
  });
}

/** Flattens zod issues into one message per field (the first one), keyed by path. */
export function toFieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

import { z } from 'zod';
import { isValidTimeZone } from '@/lib/domain/time';

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'Choose a time zone.')
  .max(64, 'That time zone name is too long.')
  .refine((value) => isValidTimeZone(value), 'That time zone does not exist. Pick one from the list, e.g. Europe/London.');

export const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'An email address is at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'))
  .transform((value) => value.toLowerCase());

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

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
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

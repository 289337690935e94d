import 'server-only';
import { type z } from 'zod';
import { InvalidTransitionError } from '@/lib/domain/interview-status';
import { RecoveryStepError } from '@/lib/domain/recovery-state';
import { ValidationError } from '@/lib/errors';
import { toFieldErrors } from '@/lib/validation/common';

/**
 * Parses again on the server even though actions already did: these functions are the last line
 * before the database, and a caller that skipped the schema must not be able to write bad rows.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError('Check the highlighted fields.', toFieldErrors(parsed.error));
  return parsed.data;
}

/**
 * Runs a domain rule and turns its refusal into a ValidationError carrying the domain's own
 * message, so every expected refusal reaches the UI through the one error type actions map.
 */
export function applyDomainRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof RecoveryStepError || error instanceof InvalidTransitionError) {
      const refusal = new ValidationError(error.message);
      refusal.cause = error;
      throw refusal;
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

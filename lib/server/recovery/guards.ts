import 'server-only';
import { z } from 'zod/mini';
import { InvalidTransitionError } from '@/lib/domain/interview-status';
import { RecoveryStepError } from '@/lib/domain/recovery-state';
import { ValidationError } from '@/lib/errors';
import { toFieldErrors } from '@/lib/validation/common';

/**
 * Each recovery server function is its own transaction boundary and may be called by other
 * server code, so it parses its input itself. Its action (lib/actions/incidents.ts) has already
 * parsed the same input with the same schema, so from the browser bad input never gets this far.
 */
export function parseInput<Schema extends z.core.$ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) throw new ValidationError('Check the highlighted fields.', toFieldErrors(parsed.error));
  return parsed.data;
}

/**
 * Runs a domain rule and turns its refusal into a ValidationError carrying the domain's own
 * message, which the action layer (lib/actions/client.ts) hands to the UI like any bad input.
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

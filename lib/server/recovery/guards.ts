import 'server-only';
import { InvalidTransitionError } from '@/lib/domain/interview-status';
import { RecoveryStepError } from '@/lib/domain/recovery-state';
import { ValidationError } from '@/lib/errors';

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

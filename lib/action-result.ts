import { NotFoundError, RateLimitError, ValidationError, type ActionResult } from '@/lib/errors';

/**
 * Runs an action's work and turns the errors a user can act on into a failed result.
 * Anything else is rethrown: error.tsx shows it and the user never sees a stack trace.
 * next/navigation's redirect and notFound are errors too and pass through untouched.
 */
export async function toActionResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof NotFoundError || error instanceof RateLimitError) return { ok: false, message: error.message };
    throw error;
  }
}

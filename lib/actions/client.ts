import 'server-only';
import { z } from 'zod';
import {
  ConflictError,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  NotFoundError,
  RateLimitError,
  ValidationError,
  type ActionErrorCode,
  type ActionFailure,
  type ActionResult,
} from '@/lib/errors';
import { requireUser, type SignedInUser } from '@/lib/session';
import { toFieldErrors } from '@/lib/validation/common';

/*
 * The one way a server action is built. Every action in lib/actions/ is
 *   export const fooAction = authedAction(schema, async (input, { user }) => …, options)
 * (or publicAction for the signed-out ones), and reads top to bottom the same way:
 *   1. the user: requireUser(), which redirects a signed-out caller to sign-in and back;
 *   2. the input: parsed here with the action's zod schema (the one its form uses), so a bad
 *      input never reaches the work; lib/server functions get the parsed values;
 *   3. the work: lib/server, scoped by user.id;
 *   4. revalidation: options.revalidate, only after the work succeeded, never after a failure;
 *   5. the answer: { ok: true, data } or { ok: false, code, message, fieldErrors }.
 * The app's own errors become failures by class, never by their wording; anything else is
 * rethrown, so error.tsx shows it (and next/navigation's redirect and notFound pass through).
 */

export type ActionOptions<Input, Output> = {
  /** Where sign-in brings a signed-out caller back to; by default the page the action was posted from. */
  returnTo?: string;
  /** Refreshes the pages that show what the work changed. Runs only after a success. */
  revalidate?: (input: Input, output: Output) => void;
  /** This action's own wording for a failure, by code (e.g. what "not found" means for an edit). */
  messages?: Partial<Record<ActionErrorCode, string>>;
};

/** For actions that act on the session user alone: whatever the caller sends is ignored. */
export const noInput = z.unknown().transform(() => undefined);

const CHECK_FIELDS = 'Check the highlighted fields.';

function fail(
  code: ActionErrorCode,
  message: string,
  messages: ActionOptions<unknown, unknown>['messages'],
  fieldErrors?: Record<string, string>,
): ActionFailure {
  const failure: ActionFailure = { ok: false, code, message: messages?.[code] ?? message };
  if (fieldErrors) failure.fieldErrors = fieldErrors;
  return failure;
}

/** A malformed id cannot be one of the user's records: it answers exactly like a missing one. */
function findNotFoundIssue(error: z.core.$ZodError): z.core.$ZodIssue | undefined {
  return error.issues.find(
    (issue) => issue.code === 'custom' && (issue.params as { code?: string } | undefined)?.code === 'NOT_FOUND',
  );
}

/**
 * Field messages keyed by the form's own field names: an action that takes `{ id, values }`
 * reports `values.company` as `company`, which is what its form's setError expects.
 */
function toFormFieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fieldErrors = toFieldErrors(error);
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([key, message]) => [key.replace(/^values\./, ''), message]),
  );
}

function toFailure(error: unknown, messages: ActionOptions<unknown, unknown>['messages']): ActionFailure {
  if (error instanceof ValidationError) return fail('VALIDATION', error.message, messages, error.fieldErrors);
  if (error instanceof NotFoundError) return fail('NOT_FOUND', error.message, messages);
  if (error instanceof RateLimitError) return fail('RATE_LIMITED', error.message, messages);
  if (error instanceof ConflictError) return fail('CONFLICT', error.message, messages);
  // Nothing was written (a transaction cut short rolls back); the form keeps what was typed.
  if (isDatabaseUnavailable(error)) return fail('UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, messages);
  throw error;
}

async function runAction<Schema extends z.core.$ZodType, Output, Context>(
  schema: Schema,
  input: unknown,
  context: Context,
  work: (input: z.output<Schema>, context: Context) => Promise<Output>,
  options: ActionOptions<z.output<Schema>, Output>,
): Promise<ActionResult<Output>> {
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) {
    const notFound = findNotFoundIssue(parsed.error);
    if (notFound) return fail('NOT_FOUND', notFound.message, options.messages);
    return fail('VALIDATION', CHECK_FIELDS, options.messages, toFormFieldErrors(parsed.error));
  }
  let output: Output;
  try {
    output = await work(parsed.data, context);
  } catch (error) {
    return toFailure(error, options.messages);
  }
  options.revalidate?.(parsed.data, output);
  return { ok: true, data: output };
}

/** A server action for the signed-in user. */
export function authedAction<Schema extends z.core.$ZodType, Output>(
  schema: Schema,
  work: (input: z.output<Schema>, context: { user: SignedInUser }) => Promise<Output>,
  options: ActionOptions<z.output<Schema>, Output> = {},
): (input: z.input<Schema>) => Promise<ActionResult<Output>> {
  return async (input) => {
    let user: SignedInUser;
    try {
      // Reading the session checks the account in the database, so this can fail for want of it too.
      user = await requireUser(options.returnTo);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return fail('UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, options.messages);
      throw error;
    }
    return runAction(schema, input, { user }, work, options);
  };
}

/** A server action for signed-out visitors (sign-up, password reset): there is no user to require. */
export function publicAction<Schema extends z.core.$ZodType, Output>(
  schema: Schema,
  work: (input: z.output<Schema>) => Promise<Output>,
  options: ActionOptions<z.output<Schema>, Output> = {},
): (input: z.input<Schema>) => Promise<ActionResult<Output>> {
  return async (input) => runAction(schema, input, undefined, (parsed) => work(parsed), options);
}

'use server';

import { after } from 'next/server';
import { RateLimitError, ValidationError, type ActionResult } from '@/lib/errors';
import { getAppUrl, getClientIp } from '@/lib/request';
import { createAccount } from '@/lib/server/accounts';
import { requestPasswordReset, RESET_REQUESTED, resetPassword } from '@/lib/server/password-reset';
import { forgotPasswordSchema, resetPasswordSchema, signUpSchema } from '@/lib/validation/auth';
import { toFieldErrors } from '@/lib/validation/common';

function toFailure(error: unknown): ActionResult<never> {
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof RateLimitError) return { ok: false, message: error.message };
  throw error;
}

// Signed-out actions: they create or recover an account, so there is no user to require.

export async function signUpAction(input: unknown): Promise<ActionResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Check the highlighted fields.', fieldErrors: toFieldErrors(parsed.error) };
  try {
    await createAccount(parsed.data, await getClientIp());
    return { ok: true, data: undefined };
  } catch (error) {
    return toFailure(error);
  }
}

export async function forgotPasswordAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Check the highlighted fields.', fieldErrors: toFieldErrors(parsed.error) };
  const appUrl = getAppUrl();
  // The work runs after the answer is sent, so neither the answer nor its timing reveals
  // whether the email has an account; a mail failure is logged for the operator.
  after(async () => {
    try {
      await requestPasswordReset(parsed.data.email, appUrl);
    } catch (error) {
      console.error('[password-reset] could not send the reset email:', error instanceof Error ? error.message : error);
    }
  });
  return { ok: true, data: { message: RESET_REQUESTED } };
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Check the highlighted fields.', fieldErrors: toFieldErrors(parsed.error) };
  try {
    await resetPassword(parsed.data.token, parsed.data.password);
    return { ok: true, data: undefined };
  } catch (error) {
    return toFailure(error);
  }
}

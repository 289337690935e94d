'use server';

// Signed-out actions: they create or recover an account, so there is no user to require.
import { after } from 'next/server';
import { publicAction } from '@/lib/actions/client';
import { getAppUrl, getClientIp } from '@/lib/request';
import { createAccount } from '@/lib/server/accounts';
import { requestPasswordReset, RESET_REQUESTED, resetPassword } from '@/lib/server/password-reset';
import { forgotPasswordSchema, resetPasswordSchema, signUpSchema } from '@/lib/validation/auth';

export const signUpAction = publicAction(signUpSchema, async (values) => {
  await createAccount(values, await getClientIp());
});

export const forgotPasswordAction = publicAction(forgotPasswordSchema, async ({ email }) => {
  const appUrl = getAppUrl();
  // The work runs after the answer is sent, so neither the answer nor its timing reveals
  // whether the email has an account; a mail failure is logged for the operator.
  after(async () => {
    try {
      await requestPasswordReset(email, appUrl);
    } catch (error) {
      console.error('[password-reset] could not send the reset email:', error instanceof Error ? error.message : error);
    }
  });
  return { message: RESET_REQUESTED };
});

export const resetPasswordAction = publicAction(resetPasswordSchema, async ({ token, password }) => {
  await resetPassword(token, password);
});

'use server';

// Signed-out actions: they create or recover an account, so there is no user to require.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { publicAction } from './client';
import { endSession } from '@/lib/auth';
import { SESSION_COOKIE } from '@/lib/domain/session-lifetime';
import { getAppUrl, getClientIp } from '@/lib/request';
import { createAccount } from '@/lib/server/accounts/create-account';
import { requestPasswordReset, RESET_REQUESTED } from '@/lib/server/accounts/request-password-reset';
import { resetPassword } from '@/lib/server/accounts/reset-password';
import { getCurrentUser } from '@/lib/session';
import {
  forgotPasswordSchema,
  resetPasswordSchema,
  SIGNED_OUT_PAGES,
  signOutSchema,
  signUpSchema,
} from '@/lib/validation/auth';

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

/**
 * Signs this browser out without next-auth's client library: revokes the session row (so a
 * copy of the cookie opens nothing), clears the cookie and leaves for a signed-out page. A
 * session already revoked elsewhere only has its cookie cleared. Server actions refuse
 * cross-site posts, which is the CSRF protection next-auth's own sign-out endpoint adds.
 */
export const signOutAction = publicAction(signOutSchema, async ({ to }) => {
  const user = await getCurrentUser();
  if (user) await endSession(user.id, user.sessionId);
  const cookieStore = await cookies();
  for (const { name } of cookieStore.getAll()) {
    if (SESSION_COOKIE.test(name))
      cookieStore.set(name, '', {
        path: '/',
        maxAge: 0,
        httpOnly: true,
        sameSite: 'lax',
        secure: name.startsWith('__Secure-'),
      });
  }
  redirect(SIGNED_OUT_PAGES[to]);
});

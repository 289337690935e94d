import { redirect } from 'next/navigation';
import type { User } from '@/lib/generated/prisma/client';
import { createSession } from '@/lib/server/sessions/create-session';
import { findSessionUser, type SignedInUser } from '@/lib/server/sessions/find-session-user';

/*
 * The one stand-in for lib/session in integration tests: the session is whoever the test signs
 * in; turning it into a user (a revoked session, a deleted account, a stale sessionVersion →
 * nobody) is still the real findSessionUser, over a real session row created on first use.
 * Each test file installs it with
 *   jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
 * and says who is signed in with signInAs(user) (null: nobody).
 */

type SignedIn = Pick<User, 'id' | 'sessionVersion'>;

let current: (SignedIn & { sessionId?: string }) | null = null;

/** Signs `user` in (null: signs out) and returns it, for `owner = signInAs(await createUser())`. */
export function signInAs<T extends SignedIn | null>(user: T): T {
  current = user && { id: user.id, sessionVersion: user.sessionVersion };
  return user;
}

async function getCurrentUser(): Promise<SignedInUser | null> {
  if (!current) return null;
  // Like a sign-in: the session row is created once, the first time the session is used.
  if (!current.sessionId) {
    const created = await createSession(current.id, 'jest').catch((error: { code?: string }) => {
      // The account was deleted before its first use: like a cookie of a deleted account, nobody.
      if (error.code === 'P2003') return null;
      throw error;
    });
    if (!created) return null;
    current.sessionId = created.id;
  }
  return findSessionUser({ userId: current.id, sessionVersion: current.sessionVersion, sessionId: current.sessionId });
}

/** Like the real requireUser: the user, or a redirect to sign-in and back. */
async function requireUser(returnTo?: string): Promise<SignedInUser> {
  const user = await getCurrentUser();
  if (user) return user;
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo ?? '/dashboard')}`);
}

export const sessionModule = { getCurrentUser, requireUser };

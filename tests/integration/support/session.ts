import { redirect } from 'next/navigation';
import type { User } from '@/lib/generated/prisma/client';
import { findSessionUser, type SessionUser } from '@/lib/server/accounts';

/*
 * The one stand-in for lib/session in integration tests: the session is whoever the test signs
 * in; turning it into a user (a deleted account, a stale sessionVersion → nobody) is still the
 * real findSessionUser. Each test file installs it with
 *   jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
 * and says who is signed in with signInAs(user) (null: nobody).
 */

type SignedIn = Pick<User, 'id' | 'sessionVersion'>;

let current: SignedIn | null = null;

/** Signs `user` in (null: signs out) and returns it, for `owner = signInAs(await createUser())`. */
export function signInAs<T extends SignedIn | null>(user: T): T {
  current = user && { id: user.id, sessionVersion: user.sessionVersion };
  return user;
}

async function getCurrentUser(): Promise<SessionUser | null> {
  return current ? findSessionUser(current.id, current.sessionVersion) : null;
}

/** Like the real requireUser: the user, or a redirect to sign-in and back. */
async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo ?? '/dashboard')}`);
}

export const sessionModule = { getCurrentUser, requireUser };

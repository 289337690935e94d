import 'server-only';
import { getEnv } from './env';
import { getToken } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { SessionUser } from '@/lib/server/accounts/session-user';
import type { JWT } from 'next-auth/jwt';
import { decodeSessionToken } from '@/lib/server/sessions/decode-session-token';
import { findSessionUser, type SessionClaims, type SignedInUser } from '@/lib/server/sessions/find-session-user';

export type { SessionUser, SignedInUser };

/** What a session cookie says: whose it is, which sessionVersion, which session row (`sid`). */
export function readSessionClaims(token: JWT | null): SessionClaims | null {
  if (!token || typeof token.uid !== 'string') return null;
  return {
    userId: token.uid,
    sessionVersion: Number(token.sv ?? 0),
    sessionId: typeof token.sid === 'string' ? token.sid : null,
  };
}

/**
 * The signed-in user, read from the session cookie and checked against the database: a
 * signed-out or revoked session, a deleted account, or a session ended by a password change
 * answers null. Within one render (root layout, app layout, page) the cookie is decoded and the
 * session read once; a server action runs outside any render and so checks afresh.
 */
export const getCurrentUser = cache(async function getCurrentUser(): Promise<SignedInUser | null> {
  const cookieStore = await cookies();
  const headerList = await headers();
  // getToken only reads the cookies and the authorization header of the request it gets.
  const req = {
    headers: Object.fromEntries(headerList),
    cookies: Object.fromEntries(cookieStore.getAll().map((cookie) => [cookie.name, cookie.value])),
  } as unknown as Parameters<typeof getToken>[0]['req'];
  const claims = readSessionClaims(await getToken({ req, secret: getEnv().authSecret, decode: decodeSessionToken }));
  return claims ? findSessionUser(claims) : null;
});

/** For pages and server actions: the signed-in user, or a redirect to sign-in and back. */
export async function requireUser(returnTo?: string): Promise<SignedInUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const target = returnTo ?? (await headers()).get('x-rebound-path') ?? '/dashboard';
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
}

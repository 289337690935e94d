import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { findSessionUser, type SessionUser } from '@/lib/server/accounts';

export type { SessionUser };

/**
 * The signed-in user, read from the session cookie and checked against the database: a
 * deleted account or a session ended by a password change answers null.
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const cookieStore = await cookies();
  const headerList = await headers();
  // getToken only reads the cookies and the authorization header of the request it gets.
  const req = {
    headers: Object.fromEntries(headerList),
    cookies: Object.fromEntries(cookieStore.getAll().map((cookie) => [cookie.name, cookie.value])),
  } as unknown as Parameters<typeof getToken>[0]['req'];
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (!token || typeof token.uid !== 'string') return null;
  return findSessionUser(token.uid, Number(token.sv ?? 0));
}

/** For pages and server actions: the signed-in user, or a redirect to sign-in and back. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const target = returnTo ?? (await headers()).get('x-rebound-path') ?? '/dashboard';
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
}

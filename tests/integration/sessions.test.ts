/**
 * Sessions end when they are signed out. These tests take the real path from a session cookie
 * to a user: a token encoded with next-auth's own `encode`, read back by the real
 * getCurrentUser (only next/headers is stood in for), and the real jwt callback and signOut
 * event from lib/auth.ts.
 */
import { randomUUID } from 'node:crypto';
import type { JWT } from 'next-auth/jwt';
import { encode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { revokeAllSessionsAction, revokeSessionAction } from '@/lib/actions/account';
import { authOptions } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { createSession } from '@/lib/server/sessions/create-session';
import { findSessionUser, LAST_SEEN_INTERVAL_MS } from '@/lib/server/sessions/find-session-user';
import { listSessions } from '@/lib/server/sessions/list-sessions';
import { revokeSession } from '@/lib/server/sessions/revoke-session';
import { getCurrentUser } from '@/lib/session';
import { createUserWithPassword } from './support/accounts';

jest.mock('next/headers', () => ({ headers: jest.fn(), cookies: jest.fn() }));
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
const CHROME_ON_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
let savedSecret: string | undefined;

beforeAll(() => {
  savedSecret = process.env.NEXTAUTH_SECRET;
  process.env.NEXTAUTH_SECRET ??= `test-secret-${randomUUID()}`;
});

afterAll(() => {
  if (savedSecret === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = savedSecret;
});

type CookieStore = Awaited<ReturnType<typeof cookies>>;
type RequestHeaders = Awaited<ReturnType<typeof headers>>;

/** The request carries `token` as its session cookie, exactly as the browser would send it. */
async function sendCookie(token: JWT | null) {
  const value = token ? await encode({ token, secret: process.env.NEXTAUTH_SECRET! }) : null;
  // Both names, so the test does not depend on whether NEXTAUTH_URL is https.
  const all = value
    ? ['next-auth.session-token', '__Secure-next-auth.session-token'].map((name) => ({ name, value }))
    : [];
  jest.mocked(cookies).mockResolvedValue({ getAll: () => all } as unknown as CookieStore);
  jest.mocked(headers).mockResolvedValue(new Headers({ 'user-agent': CHROME_ON_LINUX }) as unknown as RequestHeaders);
}

/** Signs in through the real jwt callback (a credentials sign-in) and returns the token it issues. */
async function signIn(user: { id: string; email: string; name: string; sessionVersion: number }): Promise<JWT> {
  await sendCookie(null);
  const jwt = authOptions.callbacks!.jwt!;
  return jwt({
    token: { email: user.email, name: user.name },
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } as never,
    account: { provider: 'credentials', type: 'credentials', providerAccountId: user.id },
    trigger: 'signIn',
  } as never);
}

async function signOut(token: JWT) {
  await authOptions.events!.signOut!({ token, session: null as never });
}

async function signedInAs(token: JWT) {
  await sendCookie(token);
  return getCurrentUser();
}

describe('session rows', () => {
  it('gives each sign-in its own session, recorded with the device', async () => {
    const { user } = await createUserWithPassword();
    const first = await signIn(user);
    const second = await signIn(user);

    expect(first.sid).toEqual(expect.any(String));
    expect(second.sid).not.toBe(first.sid);
    expect(await signedInAs(first)).toMatchObject({ id: user.id, sessionId: first.sid });
    const rows = await listSessions(user.id);
    expect(rows.map((row) => row.id).sort()).toEqual([first.sid, second.sid].sort());
    expect(rows[0]?.userAgent).toBe(CHROME_ON_LINUX);
  });

  it('refuses a copy of the cookie once its session has signed out', async () => {
    const { user } = await createUserWithPassword();
    const token = await signIn(user);
    const other = await signIn(user);
    expect(await signedInAs(token)).toMatchObject({ id: user.id });

    await signOut(token);

    expect(await signedInAs(token)).toBeNull();
    // The other device stays signed in.
    expect(await signedInAs(other)).toMatchObject({ id: user.id });
    // Signing out twice (or after "sign out everywhere") is not an error.
    await expect(signOut(token)).resolves.toBeUndefined();
  });

  it('refuses a cookie without a session id, one whose session is missing, and one naming another user', async () => {
    const { user } = await createUserWithPassword();
    const { user: other } = await createUserWithPassword();
    const token = await signIn(user);

    expect(await signedInAs({ ...token, sid: undefined })).toBeNull();
    expect(await signedInAs({ ...token, sid: 'no-such-session' })).toBeNull();
    expect(await signedInAs({ ...token, uid: other.id, sv: other.sessionVersion })).toBeNull();
  });

  it('refreshes lastSeenAt at most once per interval', async () => {
    const { user } = await createUserWithPassword();
    const { id } = await createSession(user.id, null);
    const claims = { userId: user.id, sessionVersion: user.sessionVersion, sessionId: id };
    const created = (await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt;

    await findSessionUser(claims, new Date(created.getTime() + LAST_SEEN_INTERVAL_MS / 2));
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(created);

    const later = new Date(created.getTime() + LAST_SEEN_INTERVAL_MS + 1000);
    await findSessionUser(claims, later);
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(later);
  });

  it("deletes the user's revoked and long-unused sessions at the next sign-in, and keeps the live ones", async () => {
    const { user } = await createUserWithPassword();
    const { user: other } = await createUserWithPassword();
    const live = await createSession(user.id, null);
    const revoked = await createSession(user.id, null);
    const stale = await createSession(user.id, null);
    const othersRevoked = await createSession(other.id, null);
    await revokeSession(user.id, revoked.id);
    await revokeSession(other.id, othersRevoked.id);
    await db.userSession.update({
      where: { id: stale.id },
      data: { lastSeenAt: new Date(Date.now() - 31 * 86_400_000) },
    });

    const fresh = await createSession(user.id, null);
    const left = await db.userSession.findMany({
      where: { userId: { in: [user.id, other.id] } },
      select: { id: true },
    });
    expect(left.map((row) => row.id).sort()).toEqual([live.id, fresh.id, othersRevoked.id].sort());
  });
});

describe('the account page actions', () => {
  it('signs out another device of the user', async () => {
    const { user } = await createUserWithPassword();
    const laptop = await signIn(user);
    const phone = await signIn(user);

    await sendCookie(laptop);
    expect(await revokeSessionAction({ id: phone.sid as string })).toEqual({ ok: true, data: undefined });

    expect(await signedInAs(phone)).toBeNull();
    expect(await signedInAs(laptop)).toMatchObject({ id: user.id });
    expect((await listSessions(user.id)).map((row) => row.id)).toEqual([laptop.sid]);
  });

  it("answers another user's session exactly like a missing one, and leaves it signed in", async () => {
    const { user: victim } = await createUserWithPassword();
    const { user: attacker } = await createUserWithPassword();
    const victimToken = await signIn(victim);
    const attackerToken = await signIn(attacker);

    await sendCookie(attackerToken);
    const theirs = await revokeSessionAction({ id: victimToken.sid as string });
    const missing = await revokeSessionAction({ id: 'no-such-session' });

    expect(theirs).toEqual({ ok: false, code: 'NOT_FOUND', message: 'That session does not exist.' });
    expect(missing).toEqual(theirs);
    expect(await signedInAs(victimToken)).toMatchObject({ id: victim.id });
    await expect(revokeSession(attacker.id, victimToken.sid as string)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('signs out every device with "sign out everywhere", and a later sign-in works', async () => {
    const { user } = await createUserWithPassword();
    const tokens = [await signIn(user), await signIn(user), await signIn(user)];

    await sendCookie(tokens[0]!);
    expect(await revokeAllSessionsAction(undefined)).toEqual({ ok: true, data: undefined });

    for (const token of tokens) expect(await signedInAs(token)).toBeNull();
    expect(await listSessions(user.id)).toEqual([]);
    const bumped = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(bumped.sessionVersion).toBe(user.sessionVersion + 1);
    // A cookie minted for the old sessionVersion would be refused even with a live row.
    const stale = await createSession(user.id, null);
    expect(await signedInAs({ ...tokens[0]!, sid: stale.id })).toBeNull();

    const fresh = await signIn(bumped);
    expect(await signedInAs(fresh)).toMatchObject({ id: user.id });
  });
});

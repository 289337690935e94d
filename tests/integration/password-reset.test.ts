import { createHash } from 'node:crypto';
import { forgotPasswordAction, resetPasswordAction } from '@/lib/actions/auth';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { authenticate, SIGN_IN_FAILED } from '@/lib/server/accounts/authenticate';
import { createSession } from '@/lib/server/sessions/create-session';
import { findSessionUser } from '@/lib/server/sessions/find-session-user';
import { requestPasswordReset } from '@/lib/server/accounts/request-password-reset';
import { RESET_LINK_INVALID, resetPassword } from '@/lib/server/accounts/reset-password';
import { createUserWithPassword, uniqueEmail, uniqueIp } from './support/accounts';
import { startSmtpPeer, type SmtpPeer } from '@/tests/support/smtp-peer.mjs';
import { findClosedPort, useSmtpServer } from './support/smtp';

// The actions module reads request headers for sign-up; nothing here needs them.
jest.mock('next/headers', () => ({ headers: jest.fn(), cookies: jest.fn() }));
// forgotPasswordAction mails after answering (next/server's after); here that work is
// collected so a test can wait for it, as the server would run it after the response.
const afterResponse: Promise<unknown>[] = [];
jest.mock('next/server', () => ({
  ...jest.requireActual('next/server'),
  after: (task: () => Promise<unknown>) => {
    afterResponse.push(task());
  },
}));
const runAfterResponse = async () => {
  await Promise.all(afterResponse.splice(0));
};

const db = getDb();
const APP_URL = 'https://rebound.example.test';
const LINK = /https:\/\/rebound\.example\.test\/reset-password\?token=([A-Za-z0-9_-]+)/g;

let smtp: SmtpPeer;
let restoreEnv: () => void;
let savedAppUrl: string | undefined;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  restoreEnv = useSmtpServer(smtp.port);
  // forgotPasswordAction builds the link from NEXTAUTH_URL.
  savedAppUrl = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = APP_URL;
});

afterAll(async () => {
  restoreEnv();
  if (savedAppUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedAppUrl;
  await smtp.close();
  await db.$disconnect();
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The reset links in the mails that reached this address, in the order they arrived. */
function readResetTokens(address: string): string[] {
  return smtp
    .receivedBy(address)
    .flatMap((mail) => [...(mail.parsed.text ?? '').matchAll(LINK)].map((match) => match[1] ?? ''));
}

/** Asks for a reset link for the user and returns the token the email carried. */
async function requestToken(email: string, now?: Date): Promise<string> {
  const before = readResetTokens(email).length;
  await requestPasswordReset(email, APP_URL, now);
  const tokens = readResetTokens(email);
  expect(tokens).toHaveLength(before + 1);
  return tokens.at(-1) ?? '';
}

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject.');
}

// The client address of every sign-in here.
const ip = uniqueIp();

describe('password reset by email', () => {
  it('mails one link to the account address and stores only the SHA-256 of its token', async () => {
    const { user } = await createUserWithPassword({ name: 'Grace Hopper' });
    const requestedAt = new Date();

    await requestPasswordReset(user.email, APP_URL, requestedAt);

    const mails = smtp.receivedBy(user.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.rcptTo).toEqual([user.email]);
    expect(mail?.parsed.subject).toBe('Reset your Rebound password');
    expect(mail?.parsed.text).toContain('Hello Grace Hopper,');
    const [token] = readResetTokens(user.email);
    expect(mail?.parsed.text).toContain(`${APP_URL}/reset-password?token=${token}`);
    // 32 random bytes in base64url.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(sha256(token ?? ''));
    expect(rows[0]?.tokenHash).not.toContain(token);
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(rows[0]?.usedAt).toBeNull();
    expect(rows[0]?.expiresAt).toEqual(new Date(requestedAt.getTime() + 60 * 60_000));
  });

  it('sets the new password once: the old one stops working, sessions end, and the link cannot be used again', async () => {
    const { user, password } = await createUserWithPassword();
    const session = await createSession(user.id, null);
    const token = await requestToken(user.email);

    const result = await resetPasswordAction({
      token,
      password: 'a fresh start 2026',
      confirmPassword: 'a fresh start 2026',
    });

    expect(result).toEqual({ ok: true, data: undefined });
    await expect(authenticate(user.email, 'a fresh start 2026', ip)).resolves.toMatchObject({
      id: user.id,
      sessionVersion: user.sessionVersion + 1,
    });
    await expect(authenticate(user.email, password, ip)).rejects.toThrow(SIGN_IN_FAILED);
    expect(
      await findSessionUser({ userId: user.id, sessionVersion: user.sessionVersion, sessionId: session.id }),
    ).toBeNull();

    const second = await captureError(resetPassword(token, 'someone else took it'));
    expect(second).toBeInstanceOf(ValidationError);
    expect(second).toMatchObject({ message: RESET_LINK_INVALID, fieldErrors: { token: RESET_LINK_INVALID } });
    await expect(authenticate(user.email, 'someone else took it', ip)).rejects.toThrow(SIGN_IN_FAILED);
    await expect(authenticate(user.email, 'a fresh start 2026', ip)).resolves.toMatchObject({ id: user.id });
  });

  it('refuses a link 61 minutes after it was sent and leaves the password as it was', async () => {
    const { user, password } = await createUserWithPassword();
    const sentAt = new Date();
    const token = await requestToken(user.email, sentAt);

    const error = await captureError(
      resetPassword(token, 'too late for this', new Date(sentAt.getTime() + 61 * 60_000)),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(RESET_LINK_INVALID);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      passwordHash: user.passwordHash,
      sessionVersion: user.sessionVersion,
    });
    await expect(authenticate(user.email, password, ip)).resolves.toMatchObject({ id: user.id });
    // Only the time made it invalid: the same link 59 minutes in still works.
    await resetPassword(token, 'just in time 2026', new Date(sentAt.getTime() + 59 * 60_000));
    await expect(authenticate(user.email, 'just in time 2026', ip)).resolves.toMatchObject({ id: user.id });
  });

  it('voids the other links of the user when one of them is used', async () => {
    const { user } = await createUserWithPassword();
    const older = await requestToken(user.email);
    const newer = await requestToken(user.email);

    await resetPassword(newer, 'the newer link won');

    await expect(resetPassword(older, 'the older link too')).rejects.toThrow(RESET_LINK_INVALID);
    await expect(authenticate(user.email, 'the newer link won', ip)).resolves.toMatchObject({ id: user.id });
  });

  it('for an email without an account sends nothing, stores nothing and throws nothing', async () => {
    const email = uniqueEmail('nobody');
    const connectionsBefore = smtp.connectionCount();
    const receivedBefore = smtp.received.length;

    await expect(requestPasswordReset(email, APP_URL)).resolves.toBeUndefined();

    expect(smtp.connectionCount()).toBe(connectionsBefore);
    expect(smtp.received).toHaveLength(receivedBefore);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe('forgotPasswordAction', () => {
  it('answers the same for an account email (typed in any case) and an unknown one, and mails only the account', async () => {
    const { user } = await createUserWithPassword();
    const unknown = uniqueEmail('unknown');

    const known = await forgotPasswordAction({ email: `  ${user.email.toUpperCase()} ` });
    const missing = await forgotPasswordAction({ email: unknown });

    expect(known).toEqual(missing);
    expect(known).toEqual({ ok: true, data: { message: expect.stringContaining('If an account uses that email') } });
    // The answer came before any mail went out.
    expect(readResetTokens(user.email)).toHaveLength(0);
    await runAfterResponse();
    expect(readResetTokens(user.email)).toHaveLength(1);
    expect(smtp.receivedBy(unknown)).toHaveLength(0);
  });

  it('answers the same when the mail server cannot be reached', async () => {
    const { user } = await createUserWithPassword();
    const answerWhenDelivered = await forgotPasswordAction({ email: uniqueEmail('unknown') });
    await runAfterResponse();
    const closedPort = await findClosedPort();
    const restore = useSmtpServer(closedPort);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await forgotPasswordAction({ email: user.email });
      await runAfterResponse();

      expect(answer).toEqual(answerWhenDelivered);
      expect(logged).toHaveBeenCalledWith(
        '[password-reset] could not send the reset email:',
        expect.stringContaining('ECONNREFUSED'),
      );
    } finally {
      logged.mockRestore();
      restore();
    }
  });
});

describe('abuse limits', () => {
  it('mails at most three reset links per email in a window, then stays silent', async () => {
    const { user } = await createUserWithPassword();
    for (let attempt = 0; attempt < 5; attempt += 1) await requestPasswordReset(user.email, APP_URL);
    expect(readResetTokens(user.email)).toHaveLength(3);
  });

  it('a completed reset lifts a sign-in lockout for that email', async () => {
    const { user } = await createUserWithPassword();
    for (let attempt = 0; attempt < 6; attempt += 1)
      await captureError(authenticate(user.email, 'wrong password 123', ip));
    expect(await db.authThrottle.count({ where: { key: `sign-in:${user.email}` } })).toBe(1);
    const token = await requestToken(user.email);
    await resetPassword(token, 'brand new password 42');
    await expect(authenticate(user.email, 'brand new password 42', ip)).resolves.toMatchObject({ id: user.id });
  });
});

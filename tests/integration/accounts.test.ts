import type * as Argon2 from '@node-rs/argon2';
import { verify } from '@node-rs/argon2';
import { headers } from 'next/headers';
import { signUpAction } from '@/lib/actions/auth';
import { getDb } from '@/lib/db';
import { RateLimitError, ValidationError } from '@/lib/errors';
import { authenticate, SIGN_IN_FAILED } from '@/lib/server/accounts/authenticate';
import { changePassword } from '@/lib/server/accounts/change-password';
import { createAccount, EMAIL_TAKEN } from '@/lib/server/accounts/create-account';
import { deleteAccount } from '@/lib/server/accounts/delete-account';
import { createSession } from '@/lib/server/sessions/create-session';
import { findSessionUser } from '@/lib/server/sessions/find-session-user';
import { formatRetryTime, THROTTLE_WINDOW_MS } from '@/lib/domain/throttle-rules';
import { purgeEndedWindows } from '@/lib/server/throttle/purge-ended-windows';
import { newPasswordSchema, signUpSchema } from '@/lib/validation/auth';
import { createUserWithPassword, uniqueEmail, uniqueIp } from './support/accounts';
import { ALL_SEEDED_ROWS, countSeededRows, seedUserData } from './support/seed';

// Passes through to the real argon2; the burst test counts how many passwords were checked.
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual<typeof Argon2>('@node-rs/argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});
// Server actions read the client IP through next/headers, which only works inside a request.
jest.mock('next/headers', () => ({ headers: jest.fn(), cookies: jest.fn() }));

type RequestHeaders = Awaited<ReturnType<typeof headers>>;

/** The next calls of next/headers come from this client address. */
function signUpFrom(ip: string): void {
  jest.mocked(headers).mockResolvedValue(new Headers({ 'x-rebound-client-ip': ip }) as unknown as RequestHeaders);
}

const db = getDb();

afterAll(() => db.$disconnect());

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject.');
}

// Each test signs in from an address of its own, so no test uses up another's per-address limit.
let ip: string;
beforeEach(() => {
  ip = uniqueIp();
});

const signInKey = (email: string) => `sign-in:${email}|${ip}`;
const findThrottle = (key: string) => db.authThrottle.findUnique({ where: { key } });

async function failSignIn(email: string, times: number): Promise<void> {
  for (let attempt = 1; attempt <= times; attempt += 1) {
    await expect(authenticate(email, `wrong password ${attempt}`, ip)).rejects.toThrow(SIGN_IN_FAILED);
  }
}

function validSignUp(email: string) {
  return { name: 'Ada Lovelace', email, password: 'analytical engine 1843', timeZone: 'Europe/London' };
}

describe('sign-up', () => {
  it('creates the user with an argon2id hash and the email trimmed and lower-cased', async () => {
    signUpFrom(uniqueIp());
    const email = uniqueEmail('ada');
    const typed = `  ${email.toUpperCase()}  `;

    const result = await signUpAction({
      name: '  Ada Lovelace ',
      email: typed,
      password: 'analytical engine 1843',
      timeZone: 'Europe/Paris',
    });

    expect(result).toEqual({ ok: true, data: undefined });
    const user = await db.user.findUnique({ where: { email } });
    expect(user).toMatchObject({ email, name: 'Ada Lovelace', timeZone: 'Europe/Paris', sessionVersion: 0 });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.passwordHash).not.toContain('analytical engine 1843');
    await expect(authenticate(email, 'analytical engine 1843', ip)).resolves.toMatchObject({ id: user?.id });
  });

  it.each([
    ['the browser’s zone', ' America/New_York ', 'America/New_York'],
    ['a zone no browser should send', 'Mars/Olympus_Mons', 'UTC'],
    ['an offset instead of a zone', '+05:00', 'UTC'],
    ['no zone at all', undefined, 'UTC'],
    ['a number', 42, 'UTC'],
  ])(
    'starts the account in %s, checked on the server (%p → %s) without refusing the sign-up',
    async (_case, sent, stored) => {
      signUpFrom(uniqueIp());
      const email = uniqueEmail('zone');
      const result = await signUpAction({ ...validSignUp(email), timeZone: sent as never });
      expect(result).toEqual({ ok: true, data: undefined });
      expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ timeZone: stored });
    },
  );

  it('refuses a second account whose email differs only in case and spaces, with EMAIL_TAKEN', async () => {
    const ip = uniqueIp();
    signUpFrom(ip);
    const email = uniqueEmail('taken');
    expect(await signUpAction(validSignUp(email))).toMatchObject({ ok: true });
    const original = await db.user.findUniqueOrThrow({ where: { email } });

    const again = signUpSchema.parse({ ...validSignUp(` ${email.toUpperCase()} `), name: 'Impostor' });
    const error = await captureError(createAccount(again, ip));
    const viaAction = await signUpAction({ ...validSignUp(`\t${email.toUpperCase()}`), name: 'Impostor' });

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ message: EMAIL_TAKEN, fieldErrors: { email: EMAIL_TAKEN } });
    expect(viaAction).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: EMAIL_TAKEN,
      fieldErrors: { email: EMAIL_TAKEN },
    });
    expect(await db.user.findMany({ where: { email: { equals: email, mode: 'insensitive' } } })).toEqual([original]);
  });

  it('refuses the 6th sign-up from one IP within the window, while another IP still signs up', async () => {
    const ip = uniqueIp();
    signUpFrom(ip);
    for (let i = 0; i < 5; i += 1) {
      expect(await signUpAction(validSignUp(uniqueEmail(`burst${i}`)))).toEqual({ ok: true, data: undefined });
    }

    const sixthEmail = uniqueEmail('sixth');
    const error = await captureError(createAccount(signUpSchema.parse(validSignUp(sixthEmail)), ip));
    const seventh = await signUpAction(validSignUp(uniqueEmail('seventh')));

    const row = await findThrottle(`sign-up:${ip}`);
    expect(row?.failures).toBeGreaterThanOrEqual(6);
    const retryAt = new Date(row!.windowStart.getTime() + THROTTLE_WINDOW_MS);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toEqual(retryAt);
    expect((error as RateLimitError).message).toBe(
      `Too many sign-ups from this network. Try again after ${formatRetryTime(retryAt)}.`,
    );
    expect(seventh).toEqual({
      ok: false,
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/Try again after \d{2}:\d{2} UTC\.$/),
    });
    expect(await db.user.count({ where: { email: sixthEmail } })).toBe(0);

    signUpFrom(uniqueIp());
    expect(await signUpAction(validSignUp(uniqueEmail('other-network')))).toEqual({ ok: true, data: undefined });
  });

  it("keys the per-address limit on the launcher's address: a forged X-Forwarded-For on each request changes nothing", async () => {
    const ip = uniqueIp();
    const sendSignUp = (i: number) => {
      jest.mocked(headers).mockResolvedValue(
        new Headers({
          'x-rebound-client-ip': ip,
          'x-forwarded-for': `192.0.2.${i}`,
          'x-real-ip': `198.51.100.${i}`,
        }) as unknown as RequestHeaders,
      );
      return signUpAction(validSignUp(uniqueEmail(`forged${i}`)));
    };
    for (let i = 0; i < 5; i += 1) expect(await sendSignUp(i)).toEqual({ ok: true, data: undefined });

    expect(await sendSignUp(5)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await findThrottle(`sign-up:${ip}`)).toMatchObject({ failures: 6 });
    // The forged addresses come from documentation ranges uniqueIp() never hands out (it uses 10/8).
    expect(
      await db.authThrottle.count({
        where: { OR: [{ key: { startsWith: 'sign-up:192.0.2.' } }, { key: { startsWith: 'sign-up:198.51.100.' } }] },
      }),
    ).toBe(0);
  });

  it('refuses one of the most common passwords (in any case) and a 9-character one, and accepts 10 characters', () => {
    const issues = (value: string) => newPasswordSchema.safeParse(value).error?.issues.map((issue) => issue.message);

    expect(issues('password123')).toEqual(['That password is one of the most common ones. Choose another.']);
    expect(issues('QwertyUIOP')).toEqual(['That password is one of the most common ones. Choose another.']);
    expect(issues('abcdefghi')).toEqual(['Use at least 10 characters.']);
    expect(issues('abcdefghij')).toBeUndefined();
  });

  it('refuses a common password and a 1 MB name with a clear message per field, creating nothing', async () => {
    signUpFrom(uniqueIp());
    const email = uniqueEmail('bad-input');
    const hugeName = 'x'.repeat(1024 * 1024);

    const parsed = signUpSchema.safeParse({ ...validSignUp(email), name: hugeName });
    const result = await signUpAction({ ...validSignUp(email), name: hugeName, password: '1234567890' });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['name'], message: 'A name is at most 100 characters.' }),
    ]);
    expect(result).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Check the highlighted fields.',
      fieldErrors: {
        name: 'A name is at most 100 characters.',
        password: 'That password is one of the most common ones. Choose another.',
      },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe('sign-in', () => {
  it('answers a wrong password and an unknown email with exactly the same error', async () => {
    const { user } = await createUserWithPassword();

    const wrongPassword = await captureError(authenticate(user.email, 'not the password at all', ip));
    const unknownEmail = await captureError(authenticate(uniqueEmail('nobody'), 'not the password at all', ip));

    for (const error of [wrongPassword, unknownEmail]) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ name: 'ValidationError', message: SIGN_IN_FAILED, fieldErrors: {} });
    }
  });

  it('after 5 failures refuses even the right password, says when to retry, and keeps the count in AuthThrottle', async () => {
    const { user, password } = await createUserWithPassword();

    await failSignIn(user.email, 5);
    const row = await findThrottle(signInKey(user.email));
    expect(row?.failures).toBe(5);

    const error = await captureError(authenticate(user.email, password, ip));

    const retryAt = new Date(row!.windowStart.getTime() + THROTTLE_WINDOW_MS);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toEqual(retryAt);
    expect((error as RateLimitError).message).toBe(
      `Too many failed attempts. Try again after ${formatRetryTime(retryAt)}.`,
    );
    expect((error as RateLimitError).message).toMatch(/after \d{2}:\d{2} UTC\.$/);
  });

  it('throttles an unknown email the same way, so the refusal reveals nothing either', async () => {
    const email = uniqueEmail('ghost');

    await failSignIn(email, 5);
    const error = await captureError(authenticate(email, 'wrong password 6', ip));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toMatch(/^Too many failed attempts\. Try again after \d{2}:\d{2} UTC\.$/);
    expect((await findThrottle(signInKey(email)))?.failures).toBeGreaterThanOrEqual(5);
  });

  it('lets the right password in once the 15-minute window has passed, and clears the counter', async () => {
    const { user, password } = await createUserWithPassword();
    const key = signInKey(user.email);
    await failSignIn(user.email, 5);
    const { windowStart } = await db.authThrottle.findUniqueOrThrow({ where: { key } });

    await db.authThrottle.update({
      where: { key },
      data: { windowStart: new Date(windowStart.getTime() - 14 * 60_000) },
    });
    await expect(authenticate(user.email, password, ip)).rejects.toBeInstanceOf(RateLimitError);

    await db.authThrottle.update({
      where: { key },
      data: { windowStart: new Date(windowStart.getTime() - 16 * 60_000) },
    });
    await expect(authenticate(user.email, password, ip)).resolves.toMatchObject({ id: user.id, email: user.email });
    expect(await findThrottle(key)).toBeNull();
  });

  it('starts the count over after a successful sign-in', async () => {
    const { user, password } = await createUserWithPassword();
    const key = signInKey(user.email);

    await failSignIn(user.email, 4);
    await expect(authenticate(user.email, password, ip)).resolves.toMatchObject({ id: user.id });
    expect(await findThrottle(key)).toBeNull();

    // Had the first four still counted, the first of these would be the 6th attempt and refused.
    await failSignIn(user.email, 4);
    expect(await findThrottle(key)).toMatchObject({ failures: 4 });
    await expect(authenticate(user.email, password, ip)).resolves.toMatchObject({ id: user.id });
  });

  // Guesses sent at the same moment must not all get their password checked before any of them
  // is counted. Counting argon2 verifications keeps this independent of the order in which
  // concurrent attempts reach the database.
  it('checks at most 5 passwords when 12 guesses arrive at once', async () => {
    const { user } = await createUserWithPassword();
    jest.mocked(verify).mockClear();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => authenticate(user.email, `burst guess number ${i}`, ip)),
    );

    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(jest.mocked(verify).mock.calls.length).toBeLessThanOrEqual(5);
  });
});

describe('sign-in limits: attackers, not owners', () => {
  it('refuses a spray of one guess each at 40 accounts from one address after 20, while another address signs in', async () => {
    const accounts = await Promise.all(Array.from({ length: 40 }, () => createUserWithPassword()));

    const outcomes = [];
    for (const { user } of accounts) outcomes.push(await captureError(authenticate(user.email, 'Summer2026!', ip)));

    expect(outcomes.slice(0, 20).every((error) => error instanceof ValidationError)).toBe(true);
    const refused = outcomes.slice(20);
    expect(refused.every((error) => error instanceof RateLimitError)).toBe(true);
    expect((refused[0] as RateLimitError).message).toMatch(
      /^Too many failed sign-ins from this network\. Try again after \d{2}:\d{2} UTC\.$/,
    );
    const [last] = accounts.slice(-1);
    await expect(authenticate(last!.user.email, last!.password, uniqueIp())).resolves.toMatchObject({
      id: last!.user.id,
    });
  });

  it('does not count successful sign-ins against the address', async () => {
    const { user, password } = await createUserWithPassword();

    for (let i = 0; i < 25; i += 1) await authenticate(user.email, password, ip);

    expect(await findThrottle(`sign-in-ip:${ip}`)).toMatchObject({ failures: 0 });
  });

  it('locks the guessing address out of the account while the owner signs in from another', async () => {
    const { user, password } = await createUserWithPassword();
    const owner = uniqueIp();

    await failSignIn(user.email, 5);
    const strangerWithRightPassword = await captureError(authenticate(user.email, password, ip));

    expect(strangerWithRightPassword).toBeInstanceOf(RateLimitError);
    await expect(authenticate(user.email, password, owner)).resolves.toMatchObject({ id: user.id });
    await expect(authenticate(user.email, 'wrong guess 7', ip)).rejects.toBeInstanceOf(RateLimitError);
  });

  it('slows guesses at an account from many addresses, and still lets the owner in from a fresh one', async () => {
    const { user, password } = await createUserWithPassword();
    const now = new Date();
    const later = (ms: number) => new Date(now.getTime() + ms);
    const guessers = Array.from({ length: 10 }, () => uniqueIp());
    for (const guesser of guessers)
      await expect(authenticate(user.email, 'a guess', guesser, now)).rejects.toThrow(SIGN_IN_FAILED);

    // Ten failures: each address that has failed here must now wait 1 s after the latest one.
    const tooSoon = await captureError(authenticate(user.email, 'another guess', guessers[0]!, now));
    expect(tooSoon).toBeInstanceOf(RateLimitError);
    expect((tooSoon as RateLimitError).retryAt).toEqual(later(1000));
    await expect(authenticate(user.email, 'another guess', guessers[0]!, later(1000))).rejects.toThrow(SIGN_IN_FAILED);
    // The eleventh failure doubles the wait.
    expect(await captureError(authenticate(user.email, 'a third guess', guessers[1]!, later(2500)))).toMatchObject({
      retryAt: later(3000),
    });

    await expect(authenticate(user.email, password, uniqueIp(), later(1000))).resolves.toMatchObject({ id: user.id });
  });

  it('purges throttle rows whose window has ended, and keeps the current ones', async () => {
    const ended = new Date(Date.now() - THROTTLE_WINDOW_MS - 60_000);
    const endedKey = `sign-in-ip:${uniqueIp()}`;
    const currentKey = `sign-in-ip:${uniqueIp()}`;
    await db.authThrottle.createMany({
      data: [
        { key: endedKey, failures: 20, windowStart: ended, updatedAt: ended },
        { key: currentKey, failures: 3, windowStart: new Date(), updatedAt: new Date() },
      ],
    });

    await captureError(authenticate(uniqueEmail('nobody'), 'a guess', ip));

    expect(await findThrottle(endedKey)).toBeNull();
    expect(await findThrottle(currentKey)).toMatchObject({ failures: 3 });
    expect(await purgeEndedWindows(new Date(), 1)).toBeLessThanOrEqual(1);
  });
});

describe('password change', () => {
  it('requires the current password: a wrong one fails on currentPassword and changes nothing', async () => {
    const { user, password } = await createUserWithPassword();

    const error = await captureError(changePassword(user.id, 'a guess at the password', 'brand new secret 42'));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ currentPassword: 'Your current password is not right.' });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      passwordHash: user.passwordHash,
      sessionVersion: user.sessionVersion,
    });
    await expect(authenticate(user.email, password, ip)).resolves.toMatchObject({ id: user.id });
  });

  it('sets the new password and ends the sessions issued before it', async () => {
    const { user, password } = await createUserWithPassword();
    const before = await createSession(user.id, null);
    expect(
      await findSessionUser({ userId: user.id, sessionVersion: user.sessionVersion, sessionId: before.id }),
    ).toMatchObject({ id: user.id });

    await changePassword(user.id, password, 'brand new secret 42');

    expect(
      await findSessionUser({ userId: user.id, sessionVersion: user.sessionVersion, sessionId: before.id }),
    ).toBeNull();
    const after = await createSession(user.id, null);
    expect(
      await findSessionUser({ userId: user.id, sessionVersion: user.sessionVersion + 1, sessionId: after.id }),
    ).toMatchObject({ id: user.id });
    await expect(authenticate(user.email, 'brand new secret 42', ip)).resolves.toMatchObject({
      id: user.id,
      sessionVersion: user.sessionVersion + 1,
    });
    await expect(authenticate(user.email, password, ip)).rejects.toThrow(SIGN_IN_FAILED);
  });
});

describe('account deletion', () => {
  it('with a confirmation that is not the account email changes nothing', async () => {
    const { user } = await createUserWithPassword();
    const seed = await seedUserData(user.id);

    for (const confirmation of ['', uniqueEmail('someone-else'), user.email.replace('@', '@x')]) {
      const error = await captureError(deleteAccount(user.id, confirmation));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toEqual({ confirmEmail: `Type ${user.email} to confirm.` });
    }

    expect(await db.user.findUnique({ where: { id: user.id } })).toEqual(user);
    expect(await countSeededRows(seed)).toEqual(ALL_SEEDED_ROWS);
  });

  it('with the account email (any case, spaces around) removes every row of the user and nothing of another', async () => {
    const { user } = await createUserWithPassword();
    const other = await createUserWithPassword();
    const seed = await seedUserData(user.id);
    const othersSeed = await seedUserData(other.user.id);

    await deleteAccount(user.id, `  ${user.email.toUpperCase()} `);

    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    const none = Object.fromEntries(Object.keys(ALL_SEEDED_ROWS).map((table) => [table, 0]));
    expect(await countSeededRows(seed)).toEqual(none);
    // Rows found by owner too, in case something was created that the seed does not know about.
    const leftovers = await Promise.all([
      db.interview.count({ where: { userId: user.id } }),
      db.missedIncident.count({ where: { userId: user.id } }),
      db.recoveryStep.count({ where: { userId: user.id } }),
      db.rescheduleRequest.count({ where: { userId: user.id } }),
      db.message.count({ where: { userId: user.id } }),
      db.lesson.count({ where: { userId: user.id } }),
      db.activityEvent.count({ where: { userId: user.id } }),
      db.passwordResetToken.count({ where: { userId: user.id } }),
      db.oAuthAccount.count({ where: { userId: user.id } }),
    ]);
    expect(leftovers).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);

    expect(await db.user.findUnique({ where: { id: other.user.id } })).toEqual(other.user);
    expect(await countSeededRows(othersSeed)).toEqual(ALL_SEEDED_ROWS);
  });
});

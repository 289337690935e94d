import 'server-only';
import { getDb } from '@/lib/db';
import { accountDelayMs } from '@/lib/domain/sign-in-delay';
import { RateLimitError, ValidationError } from '@/lib/errors';
import { endAllSessions } from './sessions/end-all-sessions';
import { hashPassword, spendPasswordCheck, verifyPassword } from './passwords';
import { resyncUserReminders } from './reminders/resync-user-reminders';
import {
  allSignUpsThrottleKey,
  clearThrottle,
  formatRetryTime,
  getSignInFailuresPerAddress,
  getSignUpsPerAddress,
  recordAttempt,
  refundAttempt,
  SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  SIGN_UPS_PER_WINDOW_OVERALL,
  signInAddressThrottleKey,
  signInFromThrottleKey,
  signInThrottleKey,
  signUpThrottleKey,
  THROTTLE_WINDOW_MS,
} from './throttle';

export const SIGN_IN_FAILED = 'Incorrect email or password.';
export const EMAIL_TAKEN = 'An account with this email exists. Sign in instead, or reset your password.';

export type SessionUser = { id: string; email: string; name: string; timeZone: string; sessionVersion: number };
export const sessionUserSelect = { id: true, email: true, name: true, timeZone: true, sessionVersion: true } as const;

/** Creates an account; emails arrive trimmed and lower-cased from the schema. */
export async function createAccount(
  input: { name: string; email: string; password: string; timeZone: string },
  clientIp: string,
): Promise<SessionUser> {
  const [attempt, overall] = await Promise.all([
    recordAttempt(signUpThrottleKey(clientIp), new Date(), getSignUpsPerAddress()),
    recordAttempt(allSignUpsThrottleKey, new Date(), SIGN_UPS_PER_WINDOW_OVERALL),
  ]);
  if (!overall.allowed) {
    throw new RateLimitError(`Too many new accounts right now. Try again after ${formatRetryTime(overall.retryAt)}.`, overall.retryAt);
  }
  if (!attempt.allowed) {
    throw new RateLimitError(`Too many sign-ups from this network. Try again after ${formatRetryTime(attempt.retryAt)}.`, attempt.retryAt);
  }
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new ValidationError(EMAIL_TAKEN, { email: EMAIL_TAKEN });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, timeZone: input.timeZone, passwordHash },
      select: sessionUserSelect,
    });
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') throw new ValidationError(EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
}

/**
 * Checks an email and password from a client address. Every failure says the same thing,
 * whether or not the email has an account. Three limits, all counted in PostgreSQL:
 * - the address: 20 failed sign-ins in 15 minutes over all accounts, then it is refused;
 * - the account from that address: 5 attempts in 15 minutes (a success starts over);
 * - the account from everywhere: after 10 failures each further attempt waits a growing
 *   delay after the latest one, but only from addresses that have failed on it themselves,
 *   so a stranger's guesses never keep the owner out from another address.
 * The first two are counted before the password is checked, so a burst of concurrent
 * attempts cannot slip past them; a success takes its count back from the address.
 */
export async function authenticate(email: string, password: string, clientIp: string, now = new Date()): Promise<SessionUser> {
  const addressKey = signInAddressThrottleKey(clientIp);
  const fromAddress = await recordAttempt(addressKey, now, getSignInFailuresPerAddress());
  if (!fromAddress.allowed) {
    throw new RateLimitError(`Too many failed sign-ins from this network. Try again after ${formatRetryTime(fromAddress.retryAt)}.`, fromAddress.retryAt);
  }
  const pairKey = signInFromThrottleKey(email, clientIp);
  const [pair, account] = await Promise.all([
    recordAttempt(pairKey, now, SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS),
    getDb().authThrottle.findUnique({ where: { key: signInThrottleKey(email) }, select: { failures: true, windowStart: true, updatedAt: true } }),
  ]);
  if (!pair.allowed) throw tooManyFailures(pair.retryAt);
  const accountRetryAt = account && account.windowStart.getTime() > now.getTime() - THROTTLE_WINDOW_MS
    ? new Date(account.updatedAt.getTime() + accountDelayMs(account.failures))
    : null;
  // pair.failures includes this attempt: more than one means this address has failed here lately.
  if (accountRetryAt && accountRetryAt > now && pair.failures > 1) throw tooManyFailures(accountRetryAt);

  const user = await getDb().user.findUnique({ where: { email }, select: { ...sessionUserSelect, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await spendPasswordCheck(password), false);
  if (!user || !valid) {
    await recordAttempt(signInThrottleKey(email), now, Number.MAX_SAFE_INTEGER);
    throw new ValidationError(SIGN_IN_FAILED);
  }
  // The account-wide count is left to run out: an owner signing in must not reset a stranger's delay.
  await Promise.all([clearThrottle(pairKey), refundAttempt(addressKey)]);
  const { passwordHash: _hash, ...sessionUser } = user;
  return sessionUser;
}

function tooManyFailures(retryAt: Date): RateLimitError {
  return new RateLimitError(`Too many failed attempts. Try again after ${formatRetryTime(retryAt)}.`, retryAt);
}

/** The evening-before time and quiet hours are read in the user's zone: a new zone moves waiting reminders with it. */
async function updateUserAndReminders(userId: string, data: { name?: string; timeZone: string }): Promise<SessionUser> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true } });
    const user = await tx.user.update({ where: { id: userId }, data, select: sessionUserSelect });
    if (before.timeZone !== data.timeZone) await resyncUserReminders(tx, userId);
    return user;
  });
}

export async function updateProfile(userId: string, input: { name: string; timeZone: string }): Promise<SessionUser> {
  return updateUserAndReminders(userId, input);
}

export async function updateTimeZone(userId: string, timeZone: string): Promise<SessionUser> {
  return updateUserAndReminders(userId, { timeZone });
}

/** Changes the password and ends every other session (the caller re-signs this one in). */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new ValidationError('Your current password is not right.', { currentPassword: 'Your current password is not right.' });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endAllSessions(tx, userId);
  });
}

/** Deletes the account and, through the cascades, every row that belongs to it. */
export async function deleteAccount(userId: string, confirmEmail: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (confirmEmail.trim().toLowerCase() !== user.email) {
    throw new ValidationError('Type your account email exactly to confirm.', { confirmEmail: `Type ${user.email} to confirm.` });
  }
  await db.user.delete({ where: { id: userId } });
}

import 'server-only';
import { getDb } from '@/lib/db';
import { RateLimitError, ValidationError } from '@/lib/errors';
import { endAllSessions } from './sessions/end-all-sessions';
import { hashPassword, spendPasswordCheck, verifyPassword } from './passwords';
import {
  allSignUpsThrottleKey,
  clearThrottle,
  formatRetryTime,
  getSignUpsPerAddress,
  recordAttempt,
  SIGN_UPS_PER_WINDOW_OVERALL,
  signInThrottleKey,
  signUpThrottleKey,
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
 * Checks an email and password. Every failure says the same thing, whether or not the
 * email has an account. Each attempt is counted before the password is checked and a
 * success clears the count, so after 5 failures in 15 minutes the email is refused until
 * the window ends, however many attempts arrive at once.
 */
export async function authenticate(email: string, password: string): Promise<SessionUser> {
  const key = signInThrottleKey(email);
  const attempt = await recordAttempt(key);
  if (!attempt.allowed) {
    throw new RateLimitError(`Too many failed attempts. Try again after ${formatRetryTime(attempt.retryAt)}.`, attempt.retryAt);
  }
  const user = await getDb().user.findUnique({ where: { email }, select: { ...sessionUserSelect, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await spendPasswordCheck(password), false);
  if (!user || !valid) throw new ValidationError(SIGN_IN_FAILED);
  await clearThrottle(key);
  const { passwordHash: _hash, ...sessionUser } = user;
  return sessionUser;
}

export async function updateProfile(userId: string, input: { name: string; timeZone: string }): Promise<SessionUser> {
  return getDb().user.update({ where: { id: userId }, data: input, select: sessionUserSelect });
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

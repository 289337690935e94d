import 'server-only';
import { getDb } from '@/lib/db';
import { accountDelayMs } from '@/lib/domain/sign-in-delay';
import {
  formatRetryTime,
  SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  signInAddressThrottleKey,
  signInFromThrottleKey,
  signInThrottleKey,
  THROTTLE_WINDOW_MS,
} from '@/lib/domain/throttle-rules';
import { getEnv } from '@/lib/env';
import { RateLimitError, ValidationError } from '@/lib/errors';
import { clearThrottle } from '@/lib/server/throttle/clear-throttle';
import { recordAttempt } from '@/lib/server/throttle/record-attempt';
import { refundAttempt } from '@/lib/server/throttle/refund-attempt';
import { spendPasswordCheck, verifyPassword } from './passwords';
import { type SessionUser, sessionUserSelect } from './session-user';

export const SIGN_IN_FAILED = 'Incorrect email or password.';

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
export async function authenticate(
  email: string,
  password: string,
  clientIp: string,
  now = new Date(),
): Promise<SessionUser> {
  const addressKey = signInAddressThrottleKey(clientIp);
  const fromAddress = await recordAttempt(addressKey, now, getEnv().signInFailuresPerAddress);
  if (!fromAddress.allowed) {
    throw new RateLimitError(
      `Too many failed sign-ins from this network. Try again after ${formatRetryTime(fromAddress.retryAt)}.`,
      fromAddress.retryAt,
    );
  }
  const pairKey = signInFromThrottleKey(email, clientIp);
  const [pair, account] = await Promise.all([
    recordAttempt(pairKey, now, SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS),
    getDb().authThrottle.findUnique({
      where: { key: signInThrottleKey(email) },
      select: { failures: true, windowStart: true, updatedAt: true },
    }),
  ]);
  if (!pair.allowed) throw tooManyFailures(pair.retryAt);
  const accountRetryAt =
    account && account.windowStart.getTime() > now.getTime() - THROTTLE_WINDOW_MS
      ? new Date(account.updatedAt.getTime() + accountDelayMs(account.failures))
      : null;
  // pair.failures includes this attempt: more than one means this address has failed here lately.
  if (accountRetryAt && accountRetryAt > now && pair.failures > 1) throw tooManyFailures(accountRetryAt);

  const user = await getDb().user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true },
  });
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

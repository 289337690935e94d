import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type AttemptState = { allowed: boolean; retryAt: Date; failures: number };

// Rows whose window has ended count for nothing (the next attempt starts over), so each
// attempt deletes a few of them; the table stays about as large as the recent attempts.
const PURGE_ROWS_PER_ATTEMPT = 100;

/**
 * Counts one attempt against the key before the attempt is checked, and says whether it
 * may go ahead: the first THROTTLE_MAX_FAILURES attempts of a window may, later ones may
 * not. One statement, so a burst of concurrent attempts from any number of processes each
 * gets its own number and cannot slip past the limit. A window that has ended starts over.
 */
export async function recordAttempt(key: string, now = new Date(), maxAttempts = THROTTLE_MAX_FAILURES): Promise<AttemptState> {
  const windowFloor = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [row] = await getDb().$queryRaw<{ failures: number; windowStart: Date }[]>`
    INSERT INTO "AuthThrottle" ("key", "failures", "windowStart", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "AuthThrottle"."windowStart" <= ${windowFloor} THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "AuthThrottle"."windowStart" <= ${windowFloor} THEN ${now} ELSE "AuthThrottle"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING "failures", "windowStart"`;
  if (!row) throw new Error('Throttle update returned no row');
  await purgeEndedWindows(now);
  return {
    allowed: row.failures <= maxAttempts,
    retryAt: new Date(row.windowStart.getTime() + THROTTLE_WINDOW_MS),
    failures: row.failures,
  };
}

/** Deletes at most `limit` rows whose window ended before `now`. */
export async function purgeEndedWindows(now = new Date(), limit = PURGE_ROWS_PER_ATTEMPT): Promise<number> {
  const windowFloor = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  return getDb().$executeRaw`
    DELETE FROM "AuthThrottle" WHERE "key" IN (
      SELECT "key" FROM "AuthThrottle" WHERE "windowStart" <= ${windowFloor} LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )`;
}

/** Takes back one attempt counted against the key (one that turned out not to be a failure). */
export async function refundAttempt(key: string): Promise<void> {
  await getDb().$executeRaw`UPDATE "AuthThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
}

/** Forgets the attempts counted against the key; pass a transaction client to do it inside one. */
export async function clearThrottle(key: string, db: Pick<Prisma.TransactionClient, 'authThrottle'> = getDb()): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key } });
}

export function formatRetryTime(retryAt: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(retryAt);
}

// Sign-in has three counters. Per address, across accounts: stops spraying one password
// over many accounts. Per account and address: stops one address guessing one account.
// Per account, from every address: slows a guesser with many addresses, without locking
// the owner out (see accountDelayMs in lib/domain/sign-in-delay.ts).
export const signInThrottleKey = (email: string) => `sign-in:${email}`;
export const signInFromThrottleKey = (email: string, ip: string) => `sign-in:${email}|${ip}`;
export const signInAddressThrottleKey = (ip: string) => `sign-in-ip:${ip}`;
export const SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS = THROTTLE_MAX_FAILURES;
/** Failed sign-ins per address per window, over all accounts: REBOUND_SIGN_IN_FAILURES_PER_IP. */
export function getSignInFailuresPerAddress(): number {
  const configured = Number.parseInt(process.env.REBOUND_SIGN_IN_FAILURES_PER_IP ?? '', 10);
  return Number.isInteger(configured) && configured > 0 ? configured : 20;
}
export const signUpThrottleKey = (ip: string) => `sign-up:${ip}`;
/** Sign-ups per address per window: REBOUND_SIGN_UPS_PER_IP, for networks where many people share one address. */
export function getSignUpsPerAddress(): number {
  const configured = Number.parseInt(process.env.REBOUND_SIGN_UPS_PER_IP ?? '', 10);
  return Number.isInteger(configured) && configured > 0 ? configured : THROTTLE_MAX_FAILURES;
}
// Someone with many addresses passes any per-address limit, so it is backed by one for all
// sign-ups together.
export const SIGN_UPS_PER_WINDOW_OVERALL = 100;
export const allSignUpsThrottleKey = 'sign-up:*';
export const resetRequestThrottleKey = (email: string) => `reset:${email}`;
export const RESET_REQUESTS_PER_WINDOW = 3;

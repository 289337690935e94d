import 'server-only';
import { getDb } from '@/lib/db';

export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleState = { blocked: boolean; retryAt: Date | null; failures: number };

/** Whether the key has used up its attempts in the current window. */
export async function readThrottle(key: string, now = new Date()): Promise<ThrottleState> {
  const row = await getDb().authThrottle.findUnique({ where: { key } });
  if (!row) return { blocked: false, retryAt: null, failures: 0 };
  const windowEnd = new Date(row.windowStart.getTime() + THROTTLE_WINDOW_MS);
  if (windowEnd <= now) return { blocked: false, retryAt: null, failures: 0 };
  const blocked = row.failures >= THROTTLE_MAX_FAILURES;
  return { blocked, retryAt: blocked ? windowEnd : null, failures: row.failures };
}

/**
 * Counts one attempt against the key. One statement, so concurrent attempts from several
 * processes each count: a window that has ended starts over at 1.
 */
export async function recordAttempt(key: string, now = new Date()): Promise<ThrottleState> {
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
  const blocked = row.failures >= THROTTLE_MAX_FAILURES;
  return { blocked, retryAt: blocked ? new Date(row.windowStart.getTime() + THROTTLE_WINDOW_MS) : null, failures: row.failures };
}

export async function clearThrottle(key: string): Promise<void> {
  await getDb().authThrottle.deleteMany({ where: { key } });
}

export function formatRetryTime(retryAt: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(retryAt);
}

export const signInThrottleKey = (email: string) => `sign-in:${email}`;
export const signUpThrottleKey = (ip: string) => `sign-up:${ip}`;

import 'server-only';
import { getDb } from '@/lib/db';
import { THROTTLE_MAX_FAILURES, THROTTLE_WINDOW_MS } from '@/lib/domain/throttle-rules';
import { purgeEndedWindows } from './purge-ended-windows';

export type AttemptState = { allowed: boolean; retryAt: Date; failures: number };

/**
 * Counts one attempt against the key before the attempt is checked, and says whether it
 * may go ahead: the first THROTTLE_MAX_FAILURES attempts of a window may, later ones may
 * not. One statement, so a burst of concurrent attempts from any number of processes each
 * gets its own number and cannot slip past the limit. A window that has ended starts over.
 */
export async function recordAttempt(
  key: string,
  now = new Date(),
  maxAttempts = THROTTLE_MAX_FAILURES,
): Promise<AttemptState> {
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

import 'server-only';
import { getDb } from '@/lib/db';
import { THROTTLE_WINDOW_MS } from '@/lib/domain/throttle-rules';

// Rows whose window has ended count for nothing (the next attempt starts over), so each
// attempt deletes a few of them; the table stays about as large as the recent attempts.
const PURGE_ROWS_PER_ATTEMPT = 100;

/** Deletes at most `limit` rows whose window ended before `now`. */
export async function purgeEndedWindows(now = new Date(), limit = PURGE_ROWS_PER_ATTEMPT): Promise<number> {
  const windowFloor = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  return getDb().$executeRaw`
    DELETE FROM "AuthThrottle" WHERE "key" IN (
      SELECT "key" FROM "AuthThrottle" WHERE "windowStart" <= ${windowFloor} LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )`;
}

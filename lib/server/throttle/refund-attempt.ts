import 'server-only';
import { getDb } from '@/lib/db';

/** Takes back one attempt counted against the key (one that turned out not to be a failure). */
export async function refundAttempt(key: string): Promise<void> {
  await getDb().$executeRaw`UPDATE "AuthThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
}

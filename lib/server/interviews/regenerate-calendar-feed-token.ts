import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db';

/** A new secret; the old feed URL stops working at once. */
export async function regenerateCalendarFeedToken(userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await getDb().user.update({ where: { id: userId }, data: { calendarFeedToken: token } });
  return token;
}

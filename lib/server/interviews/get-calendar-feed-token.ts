import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db';

/**
 * The private feed URL's secret, made on first use. Only a user without one gets one, so two
 * first visits at once agree on the same token.
 */
export async function getCalendarFeedToken(userId: string): Promise<string> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarFeedToken: true } });
  if (user.calendarFeedToken) return user.calendarFeedToken;
  await db.user.updateMany({
    where: { id: userId, calendarFeedToken: null },
    data: { calendarFeedToken: randomBytes(24).toString('base64url') },
  });
  const created = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarFeedToken: true } });
  return created.calendarFeedToken!;
}

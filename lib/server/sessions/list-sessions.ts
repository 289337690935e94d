import 'server-only';
import { getDb } from '@/lib/db';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/domain/session-lifetime';

export type ActiveSession = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null };

/**
 * The user's signed-in devices, most recently used first: not revoked, and used within the
 * cookie's lifetime (an older one's cookie has expired whatever its row says).
 */
export async function listSessions(userId: string, now = new Date()): Promise<ActiveSession[]> {
  const usedSince = new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  return getDb().userSession.findMany({
    where: { userId, revokedAt: null, lastSeenAt: { gte: usedSince } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
  });
}

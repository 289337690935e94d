import 'server-only';
import { getDb } from '@/lib/db';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/domain/session-lifetime';

// Long enough for any real browser's User-Agent; a longer header is someone playing.
const USER_AGENT_MAX_LENGTH = 512;

/**
 * Records a new signed-in device and returns its id, which the session cookie carries. The
 * user's sessions that can never be used again (revoked, or unused for longer than a cookie
 * lives) are deleted in the same transaction, so the table holds what the account page lists.
 */
export async function createSession(
  userId: string,
  userAgent: string | null,
  now = new Date(),
): Promise<{ id: string }> {
  const expiredBefore = new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  return getDb().$transaction(async (tx) => {
    await tx.userSession.deleteMany({
      where: { userId, OR: [{ revokedAt: { not: null } }, { lastSeenAt: { lt: expiredBefore } }] },
    });
    return tx.userSession.create({
      data: { userId, userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null },
      select: { id: true },
    });
  });
}

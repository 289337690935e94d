import 'server-only';
import { getDb } from '@/lib/db';
import { sessionUserSelect, type SessionUser } from '@/lib/server/accounts/session-user';

/** The signed-in user together with the session (device) they signed in on. */
export type SignedInUser = SessionUser & { sessionId: string };

/** lastSeenAt is refreshed at most this often, so a busy session costs one write per interval, not one per request. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;

export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string | null };

/**
 * The user behind a session cookie, or null when its session was signed out or revoked, the
 * account is gone, or its sessions were ended (a password change or reset, "sign out
 * everywhere"). A cookie without a session id predates session rows and cannot be revoked, so
 * it is refused too.
 */
export async function findSessionUser(
  { userId, sessionVersion, sessionId }: SessionClaims,
  now = new Date(),
): Promise<SignedInUser | null> {
  if (!sessionId) return null;
  const db = getDb();
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, revokedAt: true, lastSeenAt: true, user: { select: sessionUserSelect } },
  });
  if (!session || session.userId !== userId || session.revokedAt) return null;
  if (session.user.sessionVersion !== sessionVersion) return null;
  const staleBefore = new Date(now.getTime() - LAST_SEEN_INTERVAL_MS);
  if (session.lastSeenAt < staleBefore) {
    // The lastSeenAt condition makes concurrent requests write once between them.
    await db.userSession.updateMany({
      where: { id: sessionId, lastSeenAt: { lt: staleBefore } },
      data: { lastSeenAt: now },
    });
  }
  return { ...session.user, sessionId };
}

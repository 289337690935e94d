import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

/** Signs one device out. Ownership is part of the where: another user's session reads as missing. */
export async function revokeSession(userId: string, sessionId: string, now = new Date()): Promise<void> {
  const { count } = await getDb().userSession.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw new NotFoundError('session');
}

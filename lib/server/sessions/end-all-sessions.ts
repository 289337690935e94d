import 'server-only';
import type { Tx } from '@/lib/db';

/**
 * Ends every session of the user inside the caller's transaction: bumps sessionVersion (which
 * every cookie carries) and marks the rows revoked, so the account page stops listing them.
 */
export async function endAllSessions(tx: Tx, userId: string, now = new Date()): Promise<void> {
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

import 'server-only';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { endAllSessions } from '@/lib/server/sessions/end-all-sessions';
import { hashPassword, verifyPassword } from './passwords';

/** Changes the password and ends every other session (the caller re-signs this one in). */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new ValidationError('Your current password is not right.', {
      currentPassword: 'Your current password is not right.',
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endAllSessions(tx, userId);
  });
}

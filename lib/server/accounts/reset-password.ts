import 'server-only';
import { getDb } from '@/lib/db';
import { signInFromThrottleKey, signInThrottleKey } from '@/lib/domain/throttle-rules';
import { ValidationError } from '@/lib/errors';
import { endAllSessions } from '@/lib/server/sessions/end-all-sessions';
import { clearThrottle } from '@/lib/server/throttle/clear-throttle';
import { hashPassword } from './passwords';
import { hashResetToken } from './reset-token';

export const RESET_LINK_INVALID =
  'This reset link is not valid any more. Links work once and for one hour; ask for a new one.';

/**
 * Sets a new password from a reset token: the token is used up, every other token of the
 * user dies with it, and every session of the user ends. One transaction, so a token can
 * never be used twice even by two requests at once.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await getDb().$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashResetToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new ValidationError(RESET_LINK_INVALID, { token: RESET_LINK_INVALID });
    const record = await tx.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash: hashResetToken(token) },
      select: { userId: true },
    });
    await tx.passwordResetToken.updateMany({ where: { userId: record.userId, usedAt: null }, data: { usedAt: now } });
    const user = await tx.user.update({
      where: { id: record.userId },
      data: { passwordHash },
      select: { email: true },
    });
    await endAllSessions(tx, record.userId, now);
    // Proving the mailbox is the owner's lifts the account's sign-in limits early, from every address.
    await clearThrottle(signInThrottleKey(user.email), tx);
    await tx.authThrottle.deleteMany({ where: { key: { startsWith: signInFromThrottleKey(user.email, '') } } });
  });
}

import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { sendMail } from '@/lib/mail';
import { hashPassword } from './passwords';
import { endAllSessions } from './sessions/end-all-sessions';
import { clearThrottle, recordAttempt, RESET_REQUESTS_PER_WINDOW, resetRequestThrottleKey, signInFromThrottleKey, signInThrottleKey } from './throttle';

const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
export const RESET_LINK_INVALID = 'This reset link is not valid any more. Links work once and for one hour; ask for a new one.';

export const RESET_REQUESTED =
  'If an account uses that email, a reset link is on its way. It works once, for one hour. Check your inbox (and spam folder).';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Emails a single-use reset link when the address has an account. Callers answer the same
 * whatever happens here, so the response never reveals whether the email is registered.
 */
export async function requestPasswordReset(email: string, appUrl: string, now = new Date()): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) return;
  // A few links per window: enough for a lost email, not enough to flood someone's inbox.
  const attempt = await recordAttempt(resetRequestThrottleKey(email), now, RESET_REQUESTS_PER_WINDOW);
  if (!attempt.allowed) return;
  const token = randomBytes(32).toString('base64url');
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
  });
  const link = new URL('/reset-password', appUrl);
  link.searchParams.set('token', token);
  await sendMail({
    to: user.email,
    subject: 'Reset your Rebound password',
    text: [
      `Hello ${user.name},`,
      '',
      'Someone (hopefully you) asked to reset the password of your Rebound account.',
      'Open this link within one hour to choose a new password:',
      '',
      link.toString(),
      '',
      'The link works once. If you did not ask for it, ignore this email: your password stays as it is.',
    ].join('\n'),
  });
}

/**
 * Sets a new password from a reset token: the token is used up, every other token of the
 * user dies with it, and every session of the user ends. One transaction, so a token can
 * never be used twice even by two requests at once.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await getDb().$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new ValidationError(RESET_LINK_INVALID, { token: RESET_LINK_INVALID });
    const record = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
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

import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db';
import { RESET_REQUESTS_PER_WINDOW, resetRequestThrottleKey } from '@/lib/domain/throttle-rules';
import { sendMail } from '@/lib/mail';
import { recordAttempt } from '@/lib/server/throttle/record-attempt';
import { hashResetToken } from './reset-token';

const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
export const RESET_REQUESTED =
  'If an account uses that email, a reset link is on its way. It works once, for one hour. Check your inbox (and spam folder).';

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
    data: {
      userId: user.id,
      tokenHash: hashResetToken(token),
      expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
    },
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

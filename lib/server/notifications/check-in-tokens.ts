import 'server-only';
import type { Tx } from '@/lib/db';
import { createHash, randomBytes } from 'node:crypto';

/** How long the check-in links in a reminder email keep working. */
export const CHECK_IN_TOKEN_DAYS = 7;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new single-use token for the check-in link; only its hash is stored. */
export async function createCheckInToken(
  tx: Pick<Tx, 'checkInToken'>,
  userId: string,
  interviewId: string,
  now: Date,
): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await tx.checkInToken.create({
    data: {
      userId,
      interviewId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + CHECK_IN_TOKEN_DAYS * 86_400_000),
    },
  });
  return token;
}

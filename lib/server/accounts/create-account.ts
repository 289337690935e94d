import 'server-only';
import { getDb } from '@/lib/db';
import {
  allSignUpsThrottleKey,
  formatRetryTime,
  SIGN_UPS_PER_WINDOW_OVERALL,
  signUpThrottleKey,
} from '@/lib/domain/throttle-rules';
import { getEnv } from '@/lib/env';
import { RateLimitError, ValidationError } from '@/lib/errors';
import { createDefaultStages } from '@/lib/server/applications/create-default-stages';
import { recordAttempt } from '@/lib/server/throttle/record-attempt';
import { hashPassword } from './passwords';
import { type SessionUser, sessionUserSelect } from './session-user';

export const EMAIL_TAKEN = 'An account with this email exists. Sign in instead, or reset your password.';

/** Creates an account; emails arrive trimmed and lower-cased from the schema. */
export async function createAccount(
  input: { name: string; email: string; password: string; timeZone: string },
  clientIp: string,
): Promise<SessionUser> {
  const [attempt, overall] = await Promise.all([
    recordAttempt(signUpThrottleKey(clientIp), new Date(), getEnv().signUpsPerAddress),
    recordAttempt(allSignUpsThrottleKey, new Date(), SIGN_UPS_PER_WINDOW_OVERALL),
  ]);
  if (!overall.allowed) {
    throw new RateLimitError(
      `Too many new accounts right now. Try again after ${formatRetryTime(overall.retryAt)}.`,
      overall.retryAt,
    );
  }
  if (!attempt.allowed) {
    throw new RateLimitError(
      `Too many sign-ups from this network. Try again after ${formatRetryTime(attempt.retryAt)}.`,
      attempt.retryAt,
    );
  }
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new ValidationError(EMAIL_TAKEN, { email: EMAIL_TAKEN });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, timeZone: input.timeZone, passwordHash },
        select: sessionUserSelect,
      });
      await createDefaultStages(tx, user.id);
      return user;
    });
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') throw new ValidationError(EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
}

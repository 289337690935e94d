import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';
import { hashToken } from './check-in-tokens';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const USED = 'This check-in link was used already. Open the interview to change its status.';
const EXPIRED = 'This check-in link has expired. Open the interview to say how it went.';

async function findToken(userId: string, token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  // Another user's token is not found, exactly like a missing one.
  return getDb().checkInToken.findFirst({
    where: { tokenHash: hashToken(token), userId },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      interview: {
        select: { id: true, company: true, roleTitle: true, scheduledStart: true, timeZone: true, status: true },
      },
    },
  });
}

export type CheckInLink =
  | { state: 'open'; interview: NonNullable<Awaited<ReturnType<typeof findToken>>>['interview'] }
  | { state: 'used' | 'expired'; message: string; interviewId: string };

/** What a check-in link opens; opening records nothing. */
export async function getCheckInLink(
  userId: string,
  token: string,
  now: Date = new Date(),
): Promise<CheckInLink | null> {
  const row = await findToken(userId, token);
  if (!row) return null;
  if (row.usedAt) return { state: 'used', message: USED, interviewId: row.interview.id };
  if (row.expiresAt.getTime() <= now.getTime())
    return { state: 'expired', message: EXPIRED, interviewId: row.interview.id };
  return { state: 'open', interview: row.interview };
}

/**
 * The user confirmed on the page: the token is spent (a conditional update, so it counts once)
 * and "it happened" marks the interview attended, in one transaction: a refused status change
 * leaves the link usable. "It did not" only spends the token; the page goes on to the recovery.
 */
export async function confirmCheckIn(
  userId: string,
  token: string,
  answer: 'happened' | 'missed',
  now: Date = new Date(),
): Promise<{ interviewId: string }> {
  const row = await findToken(userId, token);
  if (!row) throw new NotFoundError('check-in link');
  if (row.usedAt) throw new ValidationError(USED);
  if (row.expiresAt.getTime() <= now.getTime()) throw new ValidationError(EXPIRED);
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.checkInToken.updateMany({
      where: { id: row.id, userId, usedAt: null },
      data: { usedAt: now },
    });
    if (count === 0) throw new ValidationError(USED);
    if (answer !== 'happened') return;
    const interview = await tx.interview.findFirst({
      where: { id: row.interview.id, userId },
      select: { id: true, status: true },
    });
    if (!interview) throw new NotFoundError('interview');
    // Already marked attended elsewhere: nothing more to record.
    if (interview.status !== 'COMPLETED') await transitionInterviewStatus(tx, userId, interview, 'COMPLETED');
  });
  return { interviewId: row.interview.id };
}

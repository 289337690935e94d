import 'server-only';
import { getDb } from '@/lib/db';
import { assertTransition, INTERVIEW_STATUS_LABELS, InvalidTransitionError, type InterviewStatus } from '@/lib/domain/interview-status';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordActivity } from '../activity';

/** Moves an interview to another status, refusing transitions the domain forbids. */
export async function changeInterviewStatus(
  userId: string,
  id: string,
  to: InterviewStatus,
  tx?: Prisma.TransactionClient,
): Promise<void> {
  const run = async (db: Prisma.TransactionClient) => {
    const current = await db.interview.findFirst({ where: { id, userId }, select: { status: true } });
    if (!current) throw new NotFoundError('interview');
    try {
      assertTransition(current.status, to);
    } catch (error) {
      if (error instanceof InvalidTransitionError) throw new ValidationError(error.message);
      throw error;
    }
    // The status in the where makes a concurrent change lose cleanly instead of both applying.
    const { count } = await db.interview.updateMany({ where: { id, userId, status: current.status }, data: { status: to } });
    if (count === 0) throw new ConflictError('This interview changed in the meantime. Reload and try again.');
    await recordActivity(db, [
      {
        userId,
        interviewId: id,
        type: 'STATUS_CHANGED',
        summary: `${INTERVIEW_STATUS_LABELS[current.status]} → ${INTERVIEW_STATUS_LABELS[to]}`,
        details: { from: current.status, to },
      },
    ]);
  };
  if (tx) return run(tx);
  return getDb().$transaction(run);
}

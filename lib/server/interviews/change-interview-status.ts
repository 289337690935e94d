import 'server-only';
import { getDb } from '@/lib/db';
import type { InterviewStatus } from '@/lib/domain/interview-status';
import { NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { transitionInterviewStatus } from './transition-interview-status';

/** Moves an interview to another status, refusing transitions the domain forbids. */
export async function changeInterviewStatus(
  userId: string,
  id: string,
  to: InterviewStatus,
  tx?: Prisma.TransactionClient,
): Promise<void> {
  const run = async (db: Prisma.TransactionClient) => {
    const current = await db.interview.findFirst({ where: { id, userId }, select: { id: true, status: true } });
    if (!current) throw new NotFoundError('interview');
    await transitionInterviewStatus(db, userId, current, to);
  };
  if (tx) return run(tx);
  return getDb().$transaction(run);
}

import 'server-only';
import { getDb } from '@/lib/db';
import type { InterviewStatus } from '@/lib/domain/interview-status';
import { NotFoundError } from '@/lib/errors';
import { transitionInterviewStatus } from './transition-interview-status';

/** Moves an interview to another status, refusing transitions the domain forbids. */
export async function changeInterviewStatus(userId: string, id: string, to: InterviewStatus): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const current = await tx.interview.findFirst({ where: { id, userId }, select: { id: true, status: true } });
    if (!current) throw new NotFoundError('interview');
    await transitionInterviewStatus(tx, userId, current, to);
  });
}

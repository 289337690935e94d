import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { type Prisma } from '@/lib/generated/prisma/client';
import { messageHistorySelect } from './get-recovery';

export type MessageHistoryEntry = Prisma.MessageGetPayload<{ select: typeof messageHistorySelect }>;

export type MessageHistoryScope = { interviewId: string } | { incidentId: string };

/**
 * The message history of an interview or an incident: every message (draft, failed or sent) with
 * its channel, recipient, status and times, and every saved revision of its text. An interview's
 * history includes its recoveries' messages, wherever they were filed.
 *
 * Throws NotFoundError when the interview or incident is missing or not the user's.
 */
export async function listMessages(userId: string, scope: MessageHistoryScope): Promise<MessageHistoryEntry[]> {
  const db = getDb();
  const where: Prisma.MessageWhereInput =
    'interviewId' in scope
      ? { userId, OR: [{ interviewId: scope.interviewId }, { incident: { interviewId: scope.interviewId, userId } }] }
      : { userId, incidentId: scope.incidentId };
  const [owner, messages] = await Promise.all([
    'interviewId' in scope
      ? db.interview.findFirst({ where: { id: scope.interviewId, userId }, select: { id: true } })
      : db.missedIncident.findFirst({ where: { id: scope.incidentId, userId }, select: { id: true } }),
    db.message.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: messageHistorySelect }),
  ]);
  if (!owner) throw new NotFoundError('interviewId' in scope ? 'interview' : 'incident');
  return messages;
}

import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * What deleting an application takes with it, as a where per table: its rounds (interviews),
 * their recoveries (MissedIncident) and every message of either. Lessons are not among them:
 * their incident link is cleared and they keep their company.
 */
export function applicationContentsWhere(userId: string, applicationId: string) {
  const interviews = { userId, applicationId } satisfies Prisma.InterviewWhereInput;
  const incidents = { userId, interview: { applicationId } } satisfies Prisma.MissedIncidentWhereInput;
  const messages = {
    userId,
    OR: [{ interview: { applicationId } }, { incident: { interview: { applicationId } } }],
  } satisfies Prisma.MessageWhereInput;
  return { interviews, incidents, messages };
}

export type ApplicationContentCounts = { rounds: number; recoveries: number; messages: number; lessons: number };

import 'server-only';
import { getDb } from '@/lib/db';
import type { InterviewTimeChangeView } from '@/lib/domain/interview-time-changes';

/** Every time the interview was moved, oldest first, for its page; another user's has none. */
export async function listTimeChanges(userId: string, interviewId: string): Promise<InterviewTimeChangeView[]> {
  return getDb().interviewTimeChange.findMany({
    where: { userId, interviewId },
    orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      requestedBy: true,
      reason: true,
      fromStart: true,
      toStart: true,
      fromTimeZone: true,
      toTimeZone: true,
      fromDurationMinutes: true,
      toDurationMinutes: true,
      recordedAt: true,
    },
  });
}

import 'server-only';
import { getDb } from '@/lib/db';
import { type LateNoticeRecord, findLateNotice } from '@/lib/domain/late-notice';

/** The latest running-late notice the user gave for the interview, or null; one query. */
export async function findLatestLateNotice(userId: string, interviewId: string): Promise<LateNoticeRecord | null> {
  const events = await getDb().activityEvent.findMany({
    where: { userId, interviewId, type: 'MESSAGE_SENT' },
    select: { type: true, occurredAt: true, details: true },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: 50,
  });
  return findLateNotice(events);
}

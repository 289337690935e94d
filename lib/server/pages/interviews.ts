import 'server-only';
import { getCalendarFeedToken } from '@/lib/server/interviews/get-calendar-feed-token';
import { listInterviews } from '@/lib/server/interviews/list-interviews';
import type { InterviewListQuery } from '@/lib/validation/interview';

/** The interviews list: one page of interviews and the private calendar feed's token. */
export async function loadInterviewsPage(userId: string, query: InterviewListQuery, now = new Date()) {
  const [{ items, nextCursor }, feedToken] = await Promise.all([
    listInterviews(userId, query, now),
    getCalendarFeedToken(userId),
  ]);
  return { items, nextCursor, feedToken };
}

import 'server-only';
import { getDb } from '@/lib/db';
import type { InterviewTimeChangeView } from '@/lib/domain/interview-time-changes';

/**
 * Every time the interview was moved, oldest first, for its page; another user's has none.
 *
 * A reschedule by the employer makes a new interview linked to the old one by rescheduledFromId
 * and puts the move on the new one; the moves the old slot went through stay on the old one. One
 * statement follows that chain back, so the newest slot shows the whole history without rows
 * being copied (and the application's count never sees a move twice).
 */
export async function listTimeChanges(userId: string, interviewId: string): Promise<InterviewTimeChangeView[]> {
  return getDb().$queryRaw<InterviewTimeChangeView[]>`
    WITH RECURSIVE chain AS (
      SELECT i."id", i."rescheduledFromId", 0 AS depth FROM "Interview" i
      WHERE i."id" = ${interviewId} AND i."userId" = ${userId}
      UNION ALL
      SELECT p."id", p."rescheduledFromId", chain.depth + 1 FROM "Interview" p
      JOIN chain ON p."id" = chain."rescheduledFromId"
      -- The depth bound keeps a malformed loop of links from running forever.
      WHERE p."userId" = ${userId} AND chain.depth < 100
    )
    SELECT t."id", t."requestedBy", t."reasonCategory", t."reason", t."fromStart", t."toStart",
           t."fromTimeZone", t."toTimeZone", t."fromDurationMinutes", t."toDurationMinutes", t."recordedAt"
    FROM "InterviewTimeChange" t
    WHERE t."userId" = ${userId} AND t."interviewId" IN (SELECT chain."id" FROM chain)
    ORDER BY t."recordedAt" ASC, t."id" ASC`;
}

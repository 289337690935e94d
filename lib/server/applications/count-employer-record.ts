import 'server-only';
import { getDb } from '@/lib/db';

export type EmployerRecord = { reschedules: number; noShows: number };

/**
 * The employer's record on this application, one statement over all its rounds: how many times
 * they moved a round (by hand or by an updated invitation), and how many times they did not show
 * up (a no-show the candidate's checks turned into their own miss is not theirs and not counted).
 * Another user's application counts none.
 */
export async function countEmployerRecord(userId: string, applicationId: string): Promise<EmployerRecord> {
  const [row] = await getDb().$queryRaw<{ reschedules: number; noShows: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "InterviewTimeChange" c JOIN "Interview" i ON i."id" = c."interviewId"
        WHERE c."userId" = ${userId} AND i."userId" = ${userId} AND i."applicationId" = ${applicationId}
          AND c."requestedBy" IN ('EMPLOYER', 'INVITATION')) AS "reschedules",
      (SELECT count(*)::int FROM "MissedIncident" m JOIN "Interview" i ON i."id" = m."interviewId"
        WHERE m."userId" = ${userId} AND i."userId" = ${userId} AND i."applicationId" = ${applicationId}
          AND m."kind" = 'EMPLOYER_NO_SHOW') AS "noShows"`;
  return { reschedules: row?.reschedules ?? 0, noShows: row?.noShows ?? 0 };
}

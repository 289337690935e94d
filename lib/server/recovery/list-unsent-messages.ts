import 'server-only';
import { getDb } from '@/lib/db';
import type { UnsentMessage, UnsentMessages } from '@/lib/domain/recovery-view';

/** The dashboard is a reminder, not an archive: the newest few, with the total beside them. */
const SHOWN = 10;

type UnsentRow = Omit<UnsentMessage, 'interview'> & {
  company: string | null;
  roleTitle: string | null;
  total: bigint | number;
};

/**
 * The user's messages to an employer that were drafted and never sent nor dismissed, newest
 * first, with the recovery each belongs to: a thank-you forgotten when the recovery closed
 * keeps asking to be sent until it is sent or dismissed. One statement: the window count gives
 * the total beside the newest SHOWN. Only emails and letters go to an employer (scripts and
 * notes are for the candidate and are never "sent"); unsent means still a draft (approved or
 * not) or a send that failed. The enum values are constants written as SQL literals, because a
 * bound text parameter would not compare with an enum column.
 */
export async function listUnsentMessages(userId: string): Promise<UnsentMessages> {
  const rows = await getDb().$queryRaw<UnsentRow[]>`
    SELECT m."id", m."kind"::text AS "kind", m."subject", m."recipient", m."status"::text AS "status",
           m."delivery"::text AS "delivery", m."createdAt", m."incidentId",
           i."company", i."roleTitle", count(*) OVER () AS "total"
    FROM "Message" m
    LEFT JOIN "Interview" i ON i."id" = m."interviewId" AND i."userId" = ${userId}
    WHERE m."userId" = ${userId}
      AND m."incidentId" IS NOT NULL
      AND m."channel"::text IN ('EMAIL', 'LETTER')
      AND m."status"::text IN ('DRAFT', 'FAILED')
      AND m."dismissedAt" IS NULL
    ORDER BY m."createdAt" DESC, m."id" DESC
    LIMIT ${SHOWN}`;
  const messages = rows.map(({ company, roleTitle, total: _total, ...message }) => ({
    ...message,
    interview: company !== null && roleTitle !== null ? { company, roleTitle } : null,
  }));
  return { messages, total: Number(rows[0]?.total ?? 0) };
}

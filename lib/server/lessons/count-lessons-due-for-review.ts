import 'server-only';
import type { LessonReviewCounts } from '@/lib/domain/lesson-review';
import { getDb } from '@/lib/db';
import {
  computeInterviewHorizon,
  INTERVIEW_LEAD_HOURS,
  listSpacedCutoffs,
  REVIEW_PROMPTING_STATUSES,
} from '@/lib/domain/lesson-review';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * For the dashboard and the lessons pages: how many lessons are due, out of how many. One
 * statement: isLessonDue (the same rule buildDueWhere gives the review queue) as a filtered count
 * beside the plain one, with the latest interview that has reached its review moment as a
 * subquery. The last look is the latest review, else the writing. Statuses are the fixed enum
 * values, compared as text.
 */
export async function countLessonsDueForReview(userId: string, now = new Date()): Promise<LessonReviewCounts> {
  const lastLook = Prisma.sql`COALESCE(l."reviewedAt", l."createdAt")`;
  const spaced = listSpacedCutoffs(now).map((cutoff) =>
    cutoff.includesHigherCounts
      ? Prisma.sql`(l."reviewCount" >= ${cutoff.reviewCount} AND ${lastLook} <= ${cutoff.lastLookAtOrBefore})`
      : Prisma.sql`(l."reviewCount" = ${cutoff.reviewCount} AND ${lastLook} <= ${cutoff.lastLookAtOrBefore})`,
  );
  const [row] = await getDb().$queryRaw<{ due: number; total: number }[]>`
    WITH latest AS (
      SELECT i."scheduledStart" AS "start"
      FROM "Interview" i
      WHERE i."userId" = ${userId}
        AND i."status"::text IN (${Prisma.join([...REVIEW_PROMPTING_STATUSES])})
        AND i."scheduledStart" <= ${computeInterviewHorizon(now)}
      ORDER BY i."scheduledStart" DESC
      LIMIT 1
    )
    SELECT (count(*) FILTER (WHERE ${Prisma.join(spaced, ' OR ')}
             OR ${lastLook} < (SELECT latest."start" - ${INTERVIEW_LEAD_HOURS}::int * interval '1 hour' FROM latest)))::int AS "due",
           count(*)::int AS "total"
    FROM "Lesson" l
    WHERE l."userId" = ${userId}`;
  return { due: row?.due ?? 0, total: row?.total ?? 0 };
}

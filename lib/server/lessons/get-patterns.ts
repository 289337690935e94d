import 'server-only';
import { getDb } from '@/lib/db';
import { ROOT_CAUSES, isRootCause } from '@/lib/domain/lesson-rules';
import {
  addMonths,
  COMPANIES_SHOWN,
  computeRate,
  fillMonths,
  foldCompanySides,
  OUTCOME_BUCKETS,
  toMonthKey,
  type CompanySidesRow,
  type LessonPatterns,
} from '@/lib/domain/lesson-stats';
import { isValidTimeZone, zonedLocalToUtc } from '@/lib/domain/time';

// Every statistic is computed by Postgres in a fixed set of five queries, whatever the number
// of incidents or lessons: the page must stay fast for someone with years of history. Every
// query is scoped by userId in each table it reads, joins included. Enum values are written as
// SQL literals (constants, not user input) because a bound text parameter would not compare
// with a Postgres enum column.
//
// Every incident is on one side: a miss or a late arrival is the candidate's (CANDIDATE_KINDS),
// an employer's no-show is the employer's. The charts and figures are about the candidate's side
// (what to prepare for), and so are the recoveries' timing and reschedule requests; the
// employer's side is counted per company, with the time changes the employer asked for.

/** Months shown at least (the chart reaches further back only when there is data). */
const MIN_MONTHS = 12;
/** Months shown at most. */
const MAX_MONTHS = 24;

type CauseQueryRow = { rootCause: string; missed: number; runningLate: number; nearMisses: number };
type MonthQueryRow = { month: string; missed: number; runningLate: number };
type OutcomeQueryRow = { outcome: string; count: number };
type CompanyQueryRow = CompanySidesRow & { totalNoShows: number; totalReschedules: number };
type SummaryQueryRow = {
  medianMinutesToCall: number | null;
  callsCounted: number;
  medianMinutesToApology: number | null;
  apologiesCounted: number;
  accepted: number;
  declined: number;
  noResponse: number;
  pending: number;
};

export async function getPatterns(userId: string, timeZone: string, now = new Date()): Promise<LessonPatterns> {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const currentMonth = toMonthKey(now, zone);
  const earliestMonth = addMonths(currentMonth, -(MAX_MONTHS - 1));
  const since = zonedLocalToUtc(`${earliestMonth}-01T00:00`, zone).instant;

  const [causeRows, monthRows, outcomeRows, summaryRows, companyRows] = await Promise.all([
    queryByCause(userId),
    queryByMonth(userId, zone, since),
    queryOutcomes(userId),
    querySummary(userId),
    queryByCompany(userId),
  ]);

  const causeCounts = new Map(causeRows.filter((row) => isRootCause(row.rootCause)).map((row) => [row.rootCause, row]));
  const byCause = ROOT_CAUSES.map((rootCause) => {
    const row = causeCounts.get(rootCause);
    return {
      rootCause,
      missed: row?.missed ?? 0,
      runningLate: row?.runningLate ?? 0,
      nearMisses: row?.nearMisses ?? 0,
    };
  });

  const firstDataMonth = monthRows[0]?.month;
  const defaultStart = addMonths(currentMonth, -(MIN_MONTHS - 1));
  const start = firstDataMonth && firstDataMonth < defaultStart ? firstDataMonth : defaultStart;
  const byMonth = fillMonths(
    monthRows.filter((row) => row.month <= currentMonth),
    start,
    currentMonth,
    (month) => ({ month, missed: 0, runningLate: 0 }),
  );

  const outcomeCounts = new Map(outcomeRows.map((row) => [row.outcome, row.count]));
  const outcomes = OUTCOME_BUCKETS.map((outcome) => ({ outcome, count: outcomeCounts.get(outcome) ?? 0 }));

  const summary = summaryRows[0];
  const sides = foldCompanySides(companyRows);
  const accepted = summary?.accepted ?? 0;
  const declined = summary?.declined ?? 0;

  return {
    byCause,
    byMonth,
    outcomes,
    timing: {
      medianMinutesToCall: summary?.medianMinutesToCall ?? null,
      callsCounted: summary?.callsCounted ?? 0,
      medianMinutesToApology: summary?.medianMinutesToApology ?? null,
      apologiesCounted: summary?.apologiesCounted ?? 0,
    },
    reschedule: {
      accepted,
      declined,
      noResponse: summary?.noResponse ?? 0,
      pending: summary?.pending ?? 0,
      // Success among the requests the employer decided on; waiting or unanswered ones say nothing yet.
      successRate: computeRate(accepted, accepted + declined),
    },
    byCompany: sides.candidate,
    byEmployerCompany: sides.employer,
    totals: {
      incidents: byCause.reduce((sum, row) => sum + row.missed + row.runningLate, 0),
      nearMisses: byCause.reduce((sum, row) => sum + row.nearMisses, 0),
      // Every row carries the totals over all companies, shown or not.
      noShows: companyRows[0]?.totalNoShows ?? 0,
      employerReschedules: companyRows[0]?.totalReschedules ?? 0,
    },
  };
}

/**
 * The candidate's incidents by root cause (the lesson's, when one was saved, since the user may
 * have corrected the first guess; else the reason given when marking it), plus the
 * candidate-side lessons added by hand.
 */
function queryByCause(userId: string) {
  return getDb().$queryRaw<CauseQueryRow[]>`
    SELECT rows.cause::text AS "rootCause",
           (count(*) FILTER (WHERE rows.source = 'MISSED'))::int AS "missed",
           (count(*) FILTER (WHERE rows.source = 'RUNNING_LATE'))::int AS "runningLate",
           (count(*) FILTER (WHERE rows.source = 'NEAR_MISS'))::int AS "nearMisses"
    FROM (
      SELECT COALESCE(lesson."rootCause", i."reason") AS cause, i."kind"::text AS source
      FROM "MissedIncident" i
      LEFT JOIN LATERAL (
        SELECT l."rootCause" FROM "Lesson" l
        WHERE l."incidentId" = i."id" AND l."userId" = ${userId}
        ORDER BY l."createdAt" DESC, l."id" DESC
        LIMIT 1
      ) lesson ON true
      WHERE i."userId" = ${userId} AND i."kind" IN ('MISSED', 'RUNNING_LATE')
      UNION ALL
      SELECT l."rootCause", 'NEAR_MISS' FROM "Lesson" l
      WHERE l."userId" = ${userId} AND l."incidentId" IS NULL AND l."side" = 'CANDIDATE'
    ) rows
    GROUP BY rows.cause`;
}

/** The candidate's incidents per calendar month in the user's zone. */
function queryByMonth(userId: string, timeZone: string, since: Date) {
  return getDb().$queryRaw<MonthQueryRow[]>`
    SELECT to_char(date_trunc('month', i."recordedAt" AT TIME ZONE ${timeZone}), 'YYYY-MM') AS "month",
           (count(*) FILTER (WHERE i."kind" = 'MISSED'))::int AS "missed",
           (count(*) FILTER (WHERE i."kind" = 'RUNNING_LATE'))::int AS "runningLate"
    FROM "MissedIncident" i
    WHERE i."userId" = ${userId} AND i."recordedAt" >= ${since} AND i."kind" IN ('MISSED', 'RUNNING_LATE')
    GROUP BY 1
    ORDER BY 1`;
}

/**
 * Where each of the candidate's recoveries ended up: the incident's recorded outcome, or while it
 * is still open the state of its latest reschedule request.
 */
function queryOutcomes(userId: string) {
  return getDb().$queryRaw<OutcomeQueryRow[]>`
    SELECT buckets.outcome, count(*)::int AS "count"
    FROM (
      SELECT CASE
               WHEN i."outcome" IS NOT NULL THEN i."outcome"::text
               WHEN request."status" = 'ACCEPTED' THEN 'RESCHEDULED'
               WHEN request."status" = 'DECLINED' THEN 'DECLINED'
               WHEN request."status" = 'NO_RESPONSE' THEN 'NO_RESPONSE'
               WHEN request."status" = 'PENDING' THEN 'WAITING'
               ELSE 'NOT_ASKED'
             END AS outcome
      FROM "MissedIncident" i
      LEFT JOIN LATERAL (
        SELECT r."status" FROM "RescheduleRequest" r
        WHERE r."incidentId" = i."id" AND r."userId" = ${userId}
        ORDER BY r."askedAt" DESC, r."id" DESC
        LIMIT 1
      ) request ON true
      WHERE i."userId" = ${userId} AND i."kind" IN ('MISSED', 'RUNNING_LATE')
    ) buckets
    GROUP BY buckets.outcome`;
}

/**
 * Median minutes from the miss to the call (the CALL step done) and to the first apology
 * actually sent, plus the reschedule requests by status. The miss is dated as findMissInstant
 * (lib/domain/recovery-timing.ts) dates it: the interview's start, or when the candidate
 * recorded it if that was earlier or they were running late. A step stamped before the miss
 * counts as zero rather than as negative time, as in minutesSinceMiss. The candidate's side only:
 * after an employer's no-show there is no apology to hurry.
 */
function querySummary(userId: string) {
  return getDb().$queryRaw<SummaryQueryRow[]>`
    SELECT timing.*, requests.*
    FROM (
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.call_minutes) AS "medianMinutesToCall",
             count(d.call_minutes)::int AS "callsCounted",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY d.apology_minutes) AS "medianMinutesToApology",
             count(d.apology_minutes)::int AS "apologiesCounted"
      FROM (
        SELECT CASE WHEN s."completedAt" IS NULL THEN NULL
                    ELSE GREATEST(0, EXTRACT(EPOCH FROM (s."completedAt" - miss.at)) / 60)::float8 END AS call_minutes,
               CASE WHEN apology.sent_at IS NULL THEN NULL
                    ELSE GREATEST(0, EXTRACT(EPOCH FROM (apology.sent_at - miss.at)) / 60)::float8 END AS apology_minutes
        FROM "MissedIncident" i
        JOIN "Interview" iv ON iv."id" = i."interviewId" AND iv."userId" = ${userId}
        CROSS JOIN LATERAL (
          SELECT CASE WHEN i."kind" = 'RUNNING_LATE' THEN i."recordedAt" ELSE LEAST(i."recordedAt", iv."scheduledStart") END AS at
        ) miss
        LEFT JOIN "RecoveryStep" s
          ON s."incidentId" = i."id" AND s."userId" = ${userId} AND s."step" = 'CALL' AND s."status" = 'DONE'
        LEFT JOIN LATERAL (
          SELECT min(m."sentAt") AS sent_at FROM "Message" m
          WHERE m."incidentId" = i."id" AND m."userId" = ${userId} AND m."kind" = 'APOLOGY' AND m."sentAt" IS NOT NULL
        ) apology ON true
        WHERE i."userId" = ${userId} AND i."kind" IN ('MISSED', 'RUNNING_LATE')
      ) d
    ) timing
    CROSS JOIN (
      SELECT (count(*) FILTER (WHERE r."status" = 'ACCEPTED'))::int AS "accepted",
             (count(*) FILTER (WHERE r."status" = 'DECLINED'))::int AS "declined",
             (count(*) FILTER (WHERE r."status" = 'NO_RESPONSE'))::int AS "noResponse",
             (count(*) FILTER (WHERE r."status" = 'PENDING'))::int AS "pending"
      FROM "RescheduleRequest" r
      JOIN "MissedIncident" i ON i."id" = r."incidentId" AND i."userId" = ${userId}
      WHERE r."userId" = ${userId} AND i."kind" IN ('MISSED', 'RUNNING_LATE')
    ) requests`;
}

/**
 * Both sides by employer, in one grouped statement. The candidate's: misses and late arrivals
 * (the interview's company; for a candidate-side lesson whose interview was deleted, the company
 * the lesson kept) and the reschedule requests after them that the employer answered. The
 * employer's: their no-shows, and the time changes they asked for or sent as an updated
 * invitation, except the new slot they gave after the candidate's miss (an accepted request,
 * counted on the candidate's side). Spellings of one company that differ only in case or
 * surrounding spaces are one row, named by the spelling used most. Each side keeps its own
 * COMPANIES_SHOWN most affected, ranked as foldCompanySides orders them (names by code point, as
 * JavaScript compares them), and every row carries the employer side's totals over all companies:
 * whenever there is a row, the first of either side is kept.
 */
function queryByCompany(userId: string) {
  return getDb().$queryRaw<CompanyQueryRow[]>`
    WITH rows AS (
      SELECT iv."company", CASE WHEN i."kind" = 'EMPLOYER_NO_SHOW' THEN 'NO_SHOW' ELSE 'MISSED' END AS what
      FROM "MissedIncident" i
      JOIN "Interview" iv ON iv."id" = i."interviewId" AND iv."userId" = ${userId}
      WHERE i."userId" = ${userId}
      UNION ALL
      SELECT l."company", 'MISSED' FROM "Lesson" l
      WHERE l."userId" = ${userId} AND l."incidentId" IS NULL AND l."company" IS NOT NULL AND l."side" = 'CANDIDATE'
      UNION ALL
      SELECT iv."company", r."status"::text
      FROM "RescheduleRequest" r
      JOIN "MissedIncident" i ON i."id" = r."incidentId" AND i."userId" = ${userId}
      JOIN "Interview" iv ON iv."id" = i."interviewId" AND iv."userId" = ${userId}
      WHERE r."userId" = ${userId} AND r."status" IN ('ACCEPTED', 'DECLINED') AND i."kind" IN ('MISSED', 'RUNNING_LATE')
      UNION ALL
      SELECT iv."company", 'MOVED'
      FROM "InterviewTimeChange" c
      JOIN "Interview" iv ON iv."id" = c."interviewId" AND iv."userId" = ${userId}
      WHERE c."userId" = ${userId} AND c."requestedBy" IN ('EMPLOYER', 'INVITATION')
        AND NOT EXISTS (
          SELECT 1 FROM "RescheduleRequest" r
          JOIN "MissedIncident" i ON i."id" = r."incidentId" AND i."userId" = ${userId}
          WHERE r."userId" = ${userId} AND r."newInterviewId" = c."interviewId" AND i."kind" IN ('MISSED', 'RUNNING_LATE')
        )
    ),
    grouped AS (
      SELECT mode() WITHIN GROUP (ORDER BY rows.company) AS "company",
             (count(*) FILTER (WHERE rows.what = 'MISSED'))::int AS "missed",
             (count(*) FILTER (WHERE rows.what = 'ACCEPTED'))::int AS "requestsAccepted",
             (count(*) FILTER (WHERE rows.what = 'DECLINED'))::int AS "requestsDeclined",
             (count(*) FILTER (WHERE rows.what = 'NO_SHOW'))::int AS "noShows",
             (count(*) FILTER (WHERE rows.what = 'MOVED'))::int AS "reschedules"
      FROM rows
      GROUP BY lower(btrim(rows.company))
    ),
    ranked AS (
      SELECT g.*,
             (sum(g."noShows") OVER ())::int AS "totalNoShows",
             (sum(g."reschedules") OVER ())::int AS "totalReschedules",
             row_number() OVER (
               ORDER BY g."missed" DESC, g."requestsAccepted" + g."requestsDeclined" DESC, g."company" COLLATE "C"
             ) AS "candidateRank",
             row_number() OVER (ORDER BY g."noShows" DESC, g."reschedules" DESC, g."company" COLLATE "C") AS "employerRank"
      FROM grouped g
    )
    SELECT "company", "missed", "requestsAccepted", "requestsDeclined", "noShows", "reschedules",
           "totalNoShows", "totalReschedules"
    FROM ranked
    WHERE ("missed" + "requestsAccepted" + "requestsDeclined" > 0 AND "candidateRank" <= ${COMPANIES_SHOWN})
       OR ("noShows" + "reschedules" > 0 AND "employerRank" <= ${COMPANIES_SHOWN})`;
}

import 'server-only';
import { getDb } from '@/lib/db';
import {
  buildFunnel,
  fillWeeks,
  listWeekKeys,
  orderStages,
  type ApplicationInsights,
  type InsightStage,
  type SourceStats,
  type StallRow,
  type WeekKey,
} from '@/lib/domain/application-insights';
import { computeRate } from '@/lib/domain/lesson-stats';
import type { ApplicationSource } from '@/lib/generated/prisma/enums';
import { isValidTimeZone, utcToZonedLocal } from '@/lib/domain/time';

// One statement, whatever the number of applications: each part is a CTE aggregated by
// Postgres and returned as JSON, so the patterns page stays within its statement budget. Every
// table read is scoped by userId, joins and subqueries included. The rules are the ones written
// in lib/domain/application-insights.ts (the funnel, what counts as a reply) and
// lib/domain/ghosting.ts (the no-reply threshold); a change there must be made here too.

type InsightsRow = {
  stages: InsightStage[];
  weeks: { week: WeekKey; count: number }[];
  furthest: { stageId: string; count: number }[];
  bySource: { source: ApplicationSource | null; applied: number; replied: number; medianDays: number | null }[];
  stalls: { stageId: string; open: number; medianDays: number | null; past: number }[];
  total: number;
};

export async function getApplicationInsights(
  userId: string,
  timeZone: string,
  now = new Date(),
): Promise<ApplicationInsights> {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const today = utcToZonedLocal(now, zone).slice(0, 10);
  const firstWeek = listWeekKeys(today)[0] ?? today;
  const [row] = await queryInsights(userId, zone, now, firstWeek, today);
  const stages = orderStages(row?.stages ?? []);
  const stalls = new Map((row?.stalls ?? []).map((stall) => [stall.stageId, stall]));
  return {
    total: row?.total ?? 0,
    weeks: fillWeeks(row?.weeks ?? [], today),
    funnel: buildFunnel(stages, row?.furthest ?? []),
    bySource: (row?.bySource ?? [])
      .map((source): SourceStats => ({
        source: source.source,
        applied: source.applied,
        replied: source.replied,
        responseRate: computeRate(source.replied, source.applied),
        medianDaysToReply: source.medianDays,
      }))
      .sort((a, b) => b.applied - a.applied || (a.source ?? '~').localeCompare(b.source ?? '~')),
    stalls: stages
      .filter((stage) => stage.kind === 'OPEN')
      .map((stage): StallRow => {
        const stall = stalls.get(stage.id);
        return {
          stageId: stage.id,
          name: stage.name,
          noReplyDays: stage.noReplyDays,
          open: stall?.open ?? 0,
          medianDaysInStage: stall?.medianDays ?? null,
          pastThreshold: stall?.past ?? 0,
        };
      }),
  };
}

function queryInsights(userId: string, zone: string, now: Date, firstWeek: string, today: string) {
  return getDb().$queryRaw<InsightsRow[]>`
    WITH stages AS (
      SELECT s."id", s."name", s."position", s."kind"::text AS "kind", s."noReplyDays", s."systemKey"
      FROM "ApplicationStage" s
      WHERE s."userId" = ${userId}
    ),
    applied_stage AS (
      SELECT s."position" FROM stages s
      WHERE s."kind" = 'OPEN'
      ORDER BY (s."systemKey" = 'APPLIED') DESC, s."position", s."id"
      LIMIT 1
    ),
    apps AS (
      SELECT a."id", a."source"::text AS "source", a."stageId", a."lastReplyAt", a."createdAt",
             a."appliedOn" IS NOT NULL AS has_applied_on,
             COALESCE(a."appliedOn"::timestamp AT TIME ZONE ${zone}, a."createdAt") AS applied_at,
             COALESCE(a."appliedOn", (a."createdAt" AT TIME ZONE ${zone})::date) AS applied_day
      FROM "Application" a
      WHERE a."userId" = ${userId}
    ),
    weeks AS (
      SELECT to_char(date_trunc('week', applied_day::timestamp), 'YYYY-MM-DD') AS "week", count(*)::int AS "count"
      FROM apps
      WHERE applied_day >= ${firstWeek}::date AND applied_day <= ${today}::date
      GROUP BY 1
    ),
    ever_in AS (
      SELECT a."id" AS app_id, a."stageId" AS stage_id FROM apps a
      UNION
      SELECT c."applicationId", c."toStageId" FROM "StageChange" c
      WHERE c."userId" = ${userId} AND c."toStageId" IS NOT NULL
      UNION
      SELECT c."applicationId", c."fromStageId" FROM "StageChange" c
      WHERE c."userId" = ${userId} AND c."fromStageId" IS NOT NULL
    ),
    furthest AS (
      SELECT DISTINCT ON (e.app_id) e.app_id, s."id" AS stage_id, s."position"
      FROM ever_in e
      JOIN stages s ON s."id" = e.stage_id AND s."kind" = 'OPEN'
      ORDER BY e.app_id, s."position" DESC, s."id" DESC
    ),
    replies AS (
      SELECT a."id", a."source", a.applied_at, a.has_applied_on, f."position" AS furthest_position,
             LEAST(
               (SELECT min(c."changedAt") FROM "StageChange" c
                JOIN stages s ON s."id" = c."toStageId"
                WHERE c."applicationId" = a."id" AND c."userId" = ${userId} AND c."cause" <> 'MIGRATION'
                  AND ((s."kind" = 'OPEN' AND s."position" > (SELECT "position" FROM applied_stage))
                    OR (s."kind" = 'CLOSED' AND s."systemKey" IS DISTINCT FROM 'WITHDRAWN'
                        AND s."systemKey" IS DISTINCT FROM 'GHOSTED'))),
               (SELECT min(i."createdAt") FROM "Interview" i
                WHERE i."applicationId" = a."id" AND i."userId" = ${userId}),
               a."lastReplyAt"
             ) AS reply_at
      FROM apps a
      LEFT JOIN furthest f ON f.app_id = a."id"
    ),
    by_source AS (
      SELECT r."source", count(*)::int AS "applied", count(r.reply_at)::int AS "replied",
             percentile_cont(0.5) WITHIN GROUP (
               -- GREATEST skips nulls, so the CASE keeps "no reply yet" out of the median.
               ORDER BY CASE WHEN r.reply_at IS NULL THEN NULL
                             ELSE GREATEST(0, EXTRACT(EPOCH FROM (r.reply_at - r.applied_at)) / 86400)::float8 END
             ) AS "medianDays"
      FROM replies r
      WHERE r.has_applied_on OR r.reply_at IS NOT NULL
         OR r.furthest_position >= (SELECT "position" FROM applied_stage)
      GROUP BY r."source"
    ),
    open_apps AS (
      SELECT a."id", a."stageId", s."noReplyDays",
             COALESCE(entered.at, a."createdAt") AS entered_at,
             sign.at AS sign_at, sign.kind AS sign_kind,
             COALESCE(round.zone, ${zone}) AS employer_zone
      FROM apps a
      JOIN stages s ON s."id" = a."stageId" AND s."kind" = 'OPEN'
      LEFT JOIN LATERAL (
        SELECT max(c."changedAt") AS at FROM "StageChange" c
        WHERE c."applicationId" = a."id" AND c."userId" = ${userId} AND c."toStageId" = a."stageId"
      ) entered ON true
      LEFT JOIN LATERAL (
        SELECT max(c."changedAt") AS at FROM "StageChange" c
        WHERE c."applicationId" = a."id" AND c."userId" = ${userId}
      ) moved ON true
      LEFT JOIN LATERAL (
        SELECT i."scheduledStart" + i."durationMinutes" * interval '1 minute' AS ended_at, i."timeZone" AS zone
        FROM "Interview" i
        WHERE i."applicationId" = a."id" AND i."userId" = ${userId}
          AND i."scheduledStart" + i."durationMinutes" * interval '1 minute' <= ${now}
        ORDER BY i."scheduledStart" + i."durationMinutes" * interval '1 minute' DESC
        LIMIT 1
      ) round ON true
      CROSS JOIN LATERAL (
        SELECT v.at, v.kind
        FROM (VALUES (1, a.applied_at, 'applied'), (2, moved.at, 'stage-change'),
                     (3, a."lastReplyAt", 'reply'), (4, round.ended_at, 'round')) v(rank, at, kind)
        WHERE v.at IS NOT NULL
        ORDER BY v.at DESC, v.rank
        LIMIT 1
      ) sign
    ),
    flagged AS (
      SELECT o.*,
             CASE
               WHEN o."noReplyDays" IS NULL OR o."noReplyDays" <= 0 THEN NULL
               WHEN o.sign_kind <> 'round' THEN o.sign_at + o."noReplyDays" * interval '24 hours'
               ELSE (
                 (SELECT d::date FROM generate_series(
                    (o.sign_at AT TIME ZONE o.employer_zone)::date + 1,
                    (o.sign_at AT TIME ZONE o.employer_zone)::date + o."noReplyDays" * 2 + 7,
                    interval '1 day') d
                  WHERE extract(isodow FROM d) < 6
                  ORDER BY d
                  OFFSET o."noReplyDays" - 1 LIMIT 1)
                 + date_trunc('minute', o.sign_at AT TIME ZONE o.employer_zone)::time
               ) AT TIME ZONE o.employer_zone
             END AS flag_at
      FROM open_apps o
    ),
    stalls AS (
      SELECT f."stageId", count(*)::int AS "open",
             percentile_cont(0.5) WITHIN GROUP (
               ORDER BY GREATEST(0, EXTRACT(EPOCH FROM (${now}::timestamptz - f.entered_at)) / 86400)::float8
             ) AS "medianDays",
             (count(*) FILTER (WHERE f.flag_at <= ${now}))::int AS "past"
      FROM flagged f
      GROUP BY f."stageId"
    )
    SELECT
      (SELECT COALESCE(json_agg(s), '[]') FROM stages s) AS "stages",
      (SELECT COALESCE(json_agg(w), '[]') FROM weeks w) AS "weeks",
      (SELECT COALESCE(json_agg(json_build_object('stageId', f.stage_id, 'count', f.count)), '[]')
       FROM (SELECT stage_id, count(*)::int AS count FROM furthest GROUP BY stage_id) f) AS "furthest",
      (SELECT COALESCE(json_agg(b), '[]') FROM by_source b) AS "bySource",
      (SELECT COALESCE(json_agg(t), '[]') FROM stalls t) AS "stalls",
      (SELECT count(*)::int FROM apps) AS "total"`;
}

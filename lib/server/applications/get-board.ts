import 'server-only';
import { getDb } from '@/lib/db';
import { ghostState, latestSignOfLife, type GhostState, type LastSignOfLife } from '@/lib/domain/ghosting';
import type { StageKind } from '@/lib/generated/prisma/enums';

/** How many cards a closed column shows, the most recently closed first; the table lists the rest. */
export const CLOSED_COLUMN_CARDS = 50;

const MS_PER_DAY = 86_400_000;

export type BoardGhostFlag = { kind: 'no-reply' | 'suggest-ghosted'; days: number };

export type BoardCard = {
  id: string;
  company: string;
  roleTitle: string;
  stageId: string;
  nextRound: { start: Date; timeZone: string; label: string | null } | null;
  // Whole days since the application last changed stage (since it was created, without a change).
  daysInStage: number;
  ghost: BoardGhostFlag | null;
};

export type BoardColumn = {
  id: string;
  name: string;
  kind: StageKind;
  // Every application in the stage, including those a capped closed column leaves out.
  count: number;
  cards: BoardCard[];
};

type BoardRow = {
  id: string;
  company: string;
  roleTitle: string;
  stageId: string;
  stageCount: number;
  appliedOn: Date | null;
  lastReplyAt: Date | null;
  createdAt: Date;
  lastChangeAt: Date | null;
  nextStart: Date | null;
  nextTimeZone: string | null;
  nextLabel: string | null;
  lastRoundEnd: Date | null;
  latestRoundTimeZone: string | null;
};

type StageRow = { id: string; name: string; kind: StageKind; noReplyDays: number | null };

/*
 * One statement for every card, however many applications and rounds there are: the window
 * functions count each stage and rank a closed stage's applications (so a closed column is
 * capped in SQL, not after reading thousands of rows), and each card's facts (its last stage
 * change, next round, latest past round, the employer's zone) come from LATERAL joins that the
 * (applicationId, …) indexes answer with one index probe each.
 */
function queryCards(userId: string, now: Date) {
  return getDb().$queryRaw<BoardRow[]>`
    SELECT k."id", k."company", k."roleTitle", k."stageId", k."stageCount", k."appliedOn", k."lastReplyAt",
           k."createdAt", change."changedAt" AS "lastChangeAt",
           next."scheduledStart" AS "nextStart", next."timeZone" AS "nextTimeZone", next."roundLabel" AS "nextLabel",
           past."endsAt" AS "lastRoundEnd", latest."timeZone" AS "latestRoundTimeZone"
    FROM (
      SELECT a."id", a."company", a."roleTitle", a."stageId", a."appliedOn", a."lastReplyAt", a."createdAt",
             s."kind", s."position",
             (count(*) OVER (PARTITION BY a."stageId"))::int AS "stageCount",
             row_number() OVER (
               PARTITION BY a."stageId" ORDER BY COALESCE(a."closedAt", a."updatedAt") DESC, a."id" DESC
             ) AS "rank"
      FROM "Application" a
      JOIN "ApplicationStage" s ON s."id" = a."stageId" AND s."userId" = ${userId}
      WHERE a."userId" = ${userId}
    ) k
    LEFT JOIN LATERAL (
      SELECT c."changedAt" FROM "StageChange" c
      WHERE c."applicationId" = k."id" AND c."userId" = ${userId}
      ORDER BY c."changedAt" DESC
      LIMIT 1
    ) change ON true
    LEFT JOIN LATERAL (
      SELECT i."scheduledStart", i."timeZone", i."roundLabel" FROM "Interview" i
      WHERE i."applicationId" = k."id" AND i."userId" = ${userId}
        AND i."status" = 'SCHEDULED' AND i."scheduledStart" > ${now}
      ORDER BY i."scheduledStart" ASC
      LIMIT 1
    ) next ON true
    LEFT JOIN LATERAL (
      SELECT i."scheduledStart" + make_interval(mins => i."durationMinutes") AS "endsAt" FROM "Interview" i
      WHERE i."applicationId" = k."id" AND i."userId" = ${userId}
        AND i."scheduledStart" + make_interval(mins => i."durationMinutes") <= ${now}
      ORDER BY i."scheduledStart" DESC
      LIMIT 1
    ) past ON true
    LEFT JOIN LATERAL (
      SELECT i."timeZone" FROM "Interview" i
      WHERE i."applicationId" = k."id" AND i."userId" = ${userId}
      ORDER BY i."scheduledStart" DESC
      LIMIT 1
    ) latest ON true
    WHERE k."kind" = 'OPEN' OR k."rank" <= ${CLOSED_COLUMN_CARDS}
    ORDER BY COALESCE(change."changedAt", k."createdAt") DESC, k."id" DESC`;
}

/** The flag a card shows, or null while the application is within its stage's wait. */
function toGhostFlag(row: BoardRow, stage: StageRow, userTimeZone: string, now: Date): BoardGhostFlag | null {
  const last = latestSignOfLife(
    row.lastChangeAt && { at: row.lastChangeAt, kind: 'stage-change' },
    row.lastReplyAt && { at: row.lastReplyAt, kind: 'reply' },
    row.lastRoundEnd && { at: row.lastRoundEnd, kind: 'round' },
    row.appliedOn && { at: row.appliedOn, kind: 'applied' },
  );
  const state: GhostState = ghostState({
    noReplyDays: stage.noReplyDays,
    stageKind: stage.kind,
    last,
    timeZone: row.latestRoundTimeZone ?? userTimeZone,
    now,
  });
  if (state.kind !== 'no-reply' && state.kind !== 'suggest-ghosted') return null;
  return { kind: state.kind, days: wholeDaysBetween((last as LastSignOfLife).at, now) };
}

function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MS_PER_DAY));
}

/**
 * The user's board: one column per stage in position order (closed stages too), each with its
 * count and its cards, in two statements whatever the size of the account. `userTimeZone` is the
 * employer's zone for the no-reply clock when an application has no round to take it from.
 */
export async function getBoard(userId: string, userTimeZone: string, now = new Date()): Promise<BoardColumn[]> {
  const [stages, rows] = await Promise.all([
    getDb().applicationStage.findMany({
      where: { userId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, name: true, kind: true, noReplyDays: true },
    }),
    queryCards(userId, now),
  ]);
  const columns = new Map<string, BoardColumn>(
    stages.map((stage) => [stage.id, { id: stage.id, name: stage.name, kind: stage.kind, count: 0, cards: [] }]),
  );
  const stagesById = new Map(stages.map((stage) => [stage.id, stage]));
  for (const row of rows) {
    const column = columns.get(row.stageId);
    const stage = stagesById.get(row.stageId);
    if (!column || !stage) continue;
    column.count = row.stageCount;
    column.cards.push({
      id: row.id,
      company: row.company,
      roleTitle: row.roleTitle,
      stageId: row.stageId,
      nextRound:
        row.nextStart && row.nextTimeZone
          ? { start: row.nextStart, timeZone: row.nextTimeZone, label: row.nextLabel }
          : null,
      daysInStage: wholeDaysBetween(row.lastChangeAt ?? row.createdAt, now),
      ghost: toGhostFlag(row, stage, userTimeZone, now),
    });
  }
  return [...columns.values()];
}

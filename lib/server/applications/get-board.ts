import 'server-only';
import { getDb } from '@/lib/db';
import { readGhostStates, type ApplicationGhostState } from './read-ghost-states';
import type { BoardCardView, BoardColumnView, BoardGhostFlag } from '@/lib/domain/board-view';

/** How many cards a closed column shows, the most recently closed first; the table lists the rest. */
export const CLOSED_COLUMN_CARDS = 50;

const MS_PER_DAY = 86_400_000;

// Built card by card here; handed over as the read-only view.
type BoardColumn = Omit<BoardColumnView, 'cards'> & { cards: BoardCardView[] };

type BoardRow = {
  id: string;
  company: string;
  roleTitle: string;
  stageId: string;
  stageCount: number;
  createdAt: Date;
  lastChangeAt: Date | null;
  nextStart: Date | null;
  nextTimeZone: string | null;
  nextLabel: string | null;
};

/*
 * One statement for every card, however many applications and rounds there are: the window
 * functions count each stage and rank a closed stage's applications (so a closed column is
 * capped in SQL, not after reading thousands of rows), and each card's facts (its last stage
 * change and next round) come from LATERAL joins that the
 * (applicationId, …) indexes answer with one index probe each.
 */
function queryCards(userId: string, now: Date) {
  return getDb().$queryRaw<BoardRow[]>`
    SELECT k."id", k."company", k."roleTitle", k."stageId", k."stageCount",
           k."createdAt", change."changedAt" AS "lastChangeAt",
           next."scheduledStart" AS "nextStart", next."timeZone" AS "nextTimeZone", next."roundLabel" AS "nextLabel"
    FROM (
      SELECT a."id", a."company", a."roleTitle", a."stageId", a."createdAt",
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
    WHERE k."kind" = 'OPEN' OR k."rank" <= ${CLOSED_COLUMN_CARDS}
    ORDER BY COALESCE(change."changedAt", k."createdAt") DESC, k."id" DESC`;
}

/** The flag a card shows, or null while the application is within its stage's wait. */
function toGhostFlag(reading: ApplicationGhostState | undefined, now: Date): BoardGhostFlag | null {
  if (!reading || !reading.last) return null;
  const { ghost, last } = reading;
  if (ghost.kind !== 'no-reply' && ghost.kind !== 'suggest-ghosted') return null;
  return { kind: ghost.kind, days: wholeDaysBetween(last.at, now) };
}

function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MS_PER_DAY));
}

/**
 * The user's board: one column per stage in position order (closed stages too), each with its
 * count and its cards, in three statements whatever the size of the account (the stages, the
 * cards, and their no-reply clocks read as the nudges read them).
 */
export async function getBoard(userId: string, now = new Date()): Promise<BoardColumnView[]> {
  const [stages, rows] = await Promise.all([
    getDb().applicationStage.findMany({
      where: { userId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, name: true, kind: true },
    }),
    queryCards(userId, now),
  ]);
  // The no-reply clock as the nudges read it, so a card's flag and its nudge always agree.
  const ghosts = await readGhostStates(
    userId,
    rows.map((row) => row.id),
    now,
  );
  const columns = new Map<string, BoardColumn>(
    stages.map((stage) => [stage.id, { id: stage.id, name: stage.name, kind: stage.kind, count: 0, cards: [] }]),
  );
  for (const row of rows) {
    const column = columns.get(row.stageId);
    if (!column) continue;
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
      ghost: toGhostFlag(ghosts.get(row.id), now),
    });
  }
  return [...columns.values()];
}

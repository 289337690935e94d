import 'server-only';
import {
  appliedOnSign,
  ghostState,
  latestSignOfLife,
  type GhostState,
  type LastSignOfLife,
} from '@/lib/domain/ghosting';
import { Prisma } from '@/lib/generated/prisma/client';

// What the no-reply clock of an application is read from, shared by the planner's scan and the
// dispatcher's check at send time so both decide the same way. One statement per read: the last
// stage change and the latest round come from LATERAL sub-selects over their indexes.

export type GhostFactsRow = {
  id: string;
  userId: string;
  company: string;
  roleTitle: string;
  closedAt: Date | null;
  appliedOn: Date | null;
  lastReplyAt: Date | null;
  noReplyDays: number | null;
  stageKind: 'OPEN' | 'CLOSED';
  userZone: string;
  lastChangeAt: Date | null;
  roundEnd: Date | null;
  roundZone: string | null;
  roundContactName: string | null;
  roundContactEmail: string | null;
};

/**
 * The latest round is the latest by start that was not cancelled, past or still to come: a round
 * on the calendar means the employer is talking to the candidate, so its end starts the wait.
 */
export const GHOST_FACTS_SELECT = Prisma.sql`
  SELECT a."id", a."userId", a."company", a."roleTitle", a."closedAt", a."appliedOn", a."lastReplyAt",
         s."noReplyDays", s."kind"::text AS "stageKind", u."timeZone" AS "userZone",
         lc."changedAt" AS "lastChangeAt", r."roundEnd", r."timeZone" AS "roundZone",
         r."contactName" AS "roundContactName", r."contactEmail" AS "roundContactEmail"
  FROM "Application" a
  JOIN "ApplicationStage" s ON s."id" = a."stageId"
  JOIN "User" u ON u."id" = a."userId"
  LEFT JOIN LATERAL (
    SELECT max(sc."changedAt") AS "changedAt" FROM "StageChange" sc WHERE sc."applicationId" = a."id"
  ) lc ON true
  LEFT JOIN LATERAL (
    SELECT i."scheduledStart" + i."durationMinutes" * interval '1 minute' AS "roundEnd", i."timeZone",
           i."contactName", i."contactEmail"
    FROM "Interview" i
    WHERE i."applicationId" = a."id" AND i."status" <> 'CANCELLED'
    ORDER BY i."scheduledStart" DESC, i."id" DESC
    LIMIT 1
  ) r ON true`;

/** The latest sign of life in SQL, as a lower bound (the applied date read as midnight UTC). */
export const LAST_SIGN_SQL = Prisma.sql`GREATEST(lc."changedAt", a."lastReplyAt", r."roundEnd", a."appliedOn"::timestamp AT TIME ZONE 'UTC')`;

export type GhostReading = { ghost: GhostState; last: LastSignOfLife | null; timeZone: string };

/** The application's place on the no-reply clock at `now`, decided exactly (lib/domain/ghosting.ts). */
export function readGhostState(row: GhostFactsRow, now: Date): GhostReading {
  const timeZone = row.roundZone ?? row.userZone;
  const last = latestSignOfLife(
    row.appliedOn ? appliedOnSign(row.appliedOn, row.userZone) : null,
    row.lastChangeAt ? { at: row.lastChangeAt, kind: 'stage-change' } : null,
    row.lastReplyAt ? { at: row.lastReplyAt, kind: 'reply' } : null,
    row.roundEnd ? { at: row.roundEnd, kind: 'round' } : null,
  );
  // A closed application is over, whatever stage it sits in.
  const stageKind = row.closedAt ? 'CLOSED' : row.stageKind;
  return { ghost: ghostState({ noReplyDays: row.noReplyDays, stageKind, last, timeZone, now }), last, timeZone };
}

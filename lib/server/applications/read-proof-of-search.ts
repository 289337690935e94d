import 'server-only';
import type { Tx } from '@/lib/db';
import type { ProofRow } from '@/lib/domain/proof-of-search';
import { utcToZonedLocal, zonedLocalToUtc } from '@/lib/domain/time';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ProofRange } from '@/lib/validation/proof';
import { addDaysToDateKey } from '@/lib/validation/proof';

// What the proof-of-search page and its CSV share: one batch of rows in date order, read in two
// statements whatever the batch's size (the applications in the range, then their facts, contacts
// and stage history in one joined read). Every table is scoped by userId.

/** Where the next batch starts: after this date and id. */
export type ProofCursor = { date: string; id: string };

type DatedRow = { id: string; date: string; isAppliedDate: boolean };

/** The database the batch reads from: the app's client for a page, a snapshot's transaction for a file. */
type Reader = Pick<Tx, '$queryRaw' | 'application'>;

/**
 * Applications of the range: those applied in it (by their applied date, else the day of their
 * first activity: added, or first moved), and earlier ones that moved in it, since a benefits
 * office counts an interview round in the period as activity too. Oldest first.
 */
export async function readProofOfSearch(
  db: Reader,
  userId: string,
  timeZone: string,
  range: ProofRange,
  options: { after?: ProofCursor; take: number },
): Promise<ProofRow[]> {
  const startsAt = zonedLocalToUtc(`${range.from}T00:00`, timeZone).instant;
  const endsBefore = zonedLocalToUtc(`${addDaysToDateKey(range.to, 1)}T00:00`, timeZone).instant;
  const after = options.after
    ? Prisma.sql`AND (x.day, a."id") > (${options.after.date}::date, ${options.after.id})`
    : Prisma.empty;
  const dated = await db.$queryRaw<DatedRow[]>`
    SELECT a."id", to_char(x.day, 'YYYY-MM-DD') AS "date", a."appliedOn" IS NOT NULL AS "isAppliedDate"
    FROM "Application" a
    CROSS JOIN LATERAL (
      SELECT COALESCE(
        a."appliedOn",
        (LEAST(a."createdAt", (
          SELECT min(c."changedAt") FROM "StageChange" c WHERE c."applicationId" = a."id" AND c."userId" = ${userId}
        )) AT TIME ZONE ${timeZone})::date
      ) AS day
    ) x
    WHERE a."userId" = ${userId}
      AND (
        x.day BETWEEN ${range.from}::date AND ${range.to}::date
        OR EXISTS (
          SELECT 1 FROM "StageChange" c
          WHERE c."applicationId" = a."id" AND c."userId" = ${userId}
            AND c."changedAt" >= ${startsAt} AND c."changedAt" < ${endsBefore}
        )
      )
      ${after}
    ORDER BY x.day, a."id"
    LIMIT ${options.take}`;
  if (dated.length === 0) return [];

  const facts = await db.application.findMany({
    where: { userId, id: { in: dated.map((row) => row.id) } },
    select: {
      id: true,
      company: true,
      roleTitle: true,
      source: true,
      sourceDetail: true,
      postingUrl: true,
      closeReason: true,
      stage: { select: { name: true, kind: true } },
      contacts: {
        where: { userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { name: true, email: true, phone: true, role: true },
      },
      stageChanges: {
        where: { userId },
        orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
        select: { changedAt: true, fromStageName: true, toStageName: true },
      },
    },
  });
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  return dated.flatMap((row) => {
    const fact = byId.get(row.id);
    if (!fact) return [];
    const { stage, stageChanges, ...rest } = fact;
    return [
      {
        ...rest,
        date: row.date,
        isAppliedDate: row.isAppliedDate,
        stageName: stage.name,
        stageKind: stage.kind,
        history: stageChanges.map((change) => ({
          on: utcToZonedLocal(change.changedAt, timeZone).slice(0, 10),
          fromStageName: change.fromStageName,
          toStageName: change.toStageName,
        })),
      },
    ];
  });
}

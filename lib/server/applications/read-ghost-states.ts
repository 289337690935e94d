import 'server-only';
import type { Tx } from '@/lib/db';
import { getDb } from '@/lib/db';
import type { GhostState, LastSignOfLife } from '@/lib/domain/ghosting';
import { Prisma } from '@/lib/generated/prisma/client';
import { GHOST_FACTS_SELECT, readGhostState, type GhostFactsRow } from '@/lib/server/reminders/application-ghost-facts';

export type ApplicationGhostState = { ghost: GhostState; last: LastSignOfLife | null };

/**
 * Where each of the user's applications stands on the no-reply clock at `now` (the board's
 * flag, the application page's "no reply since…" and its one-click Ghosted suggestion), read
 * exactly as the nudges are planned: one statement for any number of applications. Ids that are
 * not the user's are simply absent from the answer.
 */
export async function readGhostStates(
  userId: string,
  applicationIds: readonly string[],
  now: Date = new Date(),
  db: Pick<Tx, '$queryRaw'> = getDb(),
): Promise<Map<string, ApplicationGhostState>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<GhostFactsRow[]>(
    Prisma.sql`${GHOST_FACTS_SELECT} WHERE a."userId" = ${userId} AND a."id" = ANY(${[...applicationIds]}::text[])`,
  );
  return new Map(
    rows.map((row) => {
      const { ghost, last } = readGhostState(row, now);
      return [row.id, { ghost, last }];
    }),
  );
}

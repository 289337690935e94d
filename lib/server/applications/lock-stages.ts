import 'server-only';
import type { Tx } from '@/lib/db';
import type { StageKind } from '@/lib/generated/prisma/enums';

export type LockedStage = {
  id: string;
  name: string;
  position: number;
  kind: StageKind;
  noReplyDays: number | null;
  systemKey: string | null;
};

/**
 * The user's stages in board order, locked for the rest of the caller's transaction: every
 * write to the pipeline (add, rename, reorder, remove) takes this lock first, so two tabs
 * reordering at once end in one order, and a name check cannot race a rename.
 */
export async function lockStages(tx: Tx, userId: string): Promise<LockedStage[]> {
  return tx.$queryRaw<LockedStage[]>`
    SELECT "id", "name", "position", "kind"::text AS "kind", "noReplyDays", "systemKey"
    FROM "ApplicationStage" WHERE "userId" = ${userId}
    ORDER BY "position", "id" FOR UPDATE`;
}

/** Writes positions 0…n-1 in the given order, in one statement. */
export async function writeStagePositions(tx: Tx, userId: string, orderedIds: readonly string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  const positions = orderedIds.map((_, index) => index);
  await tx.$executeRaw`
    UPDATE "ApplicationStage" AS s SET "position" = v.position
    FROM unnest(${orderedIds}::text[], ${positions}::int[]) AS v(id, position)
    WHERE s."id" = v.id AND s."userId" = ${userId} AND s."position" IS DISTINCT FROM v.position`;
}

/** Whether another of the stages already has this name, compared case-insensitively. */
export function findNameClash(
  stages: readonly LockedStage[],
  name: string,
  exceptId?: string,
): LockedStage | undefined {
  const wanted = name.toLocaleLowerCase('en');
  return stages.find((stage) => stage.id !== exceptId && stage.name.toLocaleLowerCase('en') === wanted);
}

export function nameClashMessage(name: string): string {
  return `You already have a stage called “${name}”. Choose another name.`;
}

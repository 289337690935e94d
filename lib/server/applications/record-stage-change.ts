import 'server-only';
import type { Tx } from '@/lib/db';
import type { StageChangeCause } from '@/lib/generated/prisma/enums';

type NamedStage = { id: string; name: string };

/**
 * Writes one row of an application's timeline, inside the caller's transaction. The stages'
 * names are copied in, so a later rename or removal leaves the history as it was.
 */
export async function recordStageChange(
  tx: Tx,
  change: {
    userId: string;
    applicationId: string;
    from: NamedStage | null;
    to: NamedStage;
    cause: StageChangeCause;
    changedAt: Date;
    note?: string | null;
  },
): Promise<{ id: string }> {
  return tx.stageChange.create({
    data: {
      userId: change.userId,
      applicationId: change.applicationId,
      fromStageId: change.from?.id ?? null,
      fromStageName: change.from?.name ?? null,
      toStageId: change.to.id,
      toStageName: change.to.name,
      changedAt: change.changedAt,
      note: change.note ?? null,
      cause: change.cause,
    },
    select: { id: true },
  });
}

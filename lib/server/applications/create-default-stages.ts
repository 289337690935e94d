import 'server-only';
import type { Tx } from '@/lib/db';
import { DEFAULT_STAGES } from '@/lib/domain/application-stages';

/**
 * Gives the user the default pipeline, inside the caller's transaction: when the account is
 * created, and again whenever a write finds the stages missing. A stage the user already has
 * (by name or by systemKey) is left as it is.
 */
export async function createDefaultStages(tx: Tx, userId: string): Promise<void> {
  await tx.applicationStage.createMany({
    data: DEFAULT_STAGES.map((stage) => ({ ...stage, userId })),
    skipDuplicates: true,
  });
}

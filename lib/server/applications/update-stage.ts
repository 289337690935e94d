import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { StageSettingsValues } from '@/lib/validation/stages';
import { findNameClash, lockStages, nameClashMessage } from './lock-stages';

/**
 * Renames a stage and sets its "no reply after" threshold. The timeline keeps the names stages
 * had when each move was made, so a rename changes the board and leaves the history as it was.
 * Another stage of the user's with the same name in any case is refused.
 */
export async function updateStage(userId: string, stageId: string, values: StageSettingsValues): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const stages = await lockStages(tx, userId);
    const stage = stages.find((candidate) => candidate.id === stageId);
    if (!stage) throw new NotFoundError('stage');
    const clash = findNameClash(stages, values.name, stageId);
    if (clash) throw new ValidationError(nameClashMessage(clash.name), { name: nameClashMessage(clash.name) });
    await tx.applicationStage.updateMany({
      where: { id: stageId, userId },
      data: { name: values.name, noReplyDays: stage.kind === 'OPEN' ? values.noReplyDays : null },
    });
  });
}

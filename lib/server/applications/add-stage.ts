import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { AddStageValues } from '@/lib/validation/stages';
import { findNameClash, lockStages, nameClashMessage, writeStagePositions } from './lock-stages';

/**
 * Adds a stage of the user's own (no systemKey) right after `afterStageId`, or first when it is
 * empty, and renumbers the pipeline, in one transaction. A name the user already has, in any
 * case, is refused on the name field.
 */
export async function addStage(userId: string, values: AddStageValues): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const stages = await lockStages(tx, userId);
    const clash = findNameClash(stages, values.name);
    if (clash) throw new ValidationError(nameClashMessage(clash.name), { name: nameClashMessage(clash.name) });
    const afterIndex = values.afterStageId ? stages.findIndex((stage) => stage.id === values.afterStageId) : -1;
    if (values.afterStageId && afterIndex < 0) throw new NotFoundError('stage');
    const created = await tx.applicationStage.create({
      data: {
        userId,
        name: values.name,
        kind: values.kind,
        // A closed stage is an answer already: nothing to wait for.
        noReplyDays: values.kind === 'OPEN' ? values.noReplyDays : null,
        position: afterIndex + 1,
      },
      select: { id: true },
    });
    const order = stages.map((stage) => stage.id);
    order.splice(afterIndex + 1, 0, created.id);
    await writeStagePositions(tx, userId, order);
    return created;
  });
}

import 'server-only';
import { getDb } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { closeReasonForStage } from '@/lib/domain/application-details';
import { lockStages, writeStagePositions } from './lock-stages';

// The close reason a closed default stage implies (as moveApplication sets it).

/** What the page says when a stage still holds applications and no stage to move them to was chosen. */
export function stageInUseMessage(name: string, count: number): string {
  const applications = count === 1 ? '1 application' : `${count} applications`;
  return `${name} holds ${applications}. Move them to another stage first, or choose a stage to move them to:`;
}

export type RemoveStageResult = { moved: number };

/**
 * Removes one of the user's stages, in one transaction. While it holds applications it is
 * refused, unless `moveToStageId` names another stage: then every application moves there
 * first, each with a timeline row (cause USER, note "Stage <name> removed"), closing or
 * reopening as the target says. The timeline keeps both stages' names, so the history reads the
 * same after the stage is gone. The last open stage stays: new applications need somewhere to go.
 */
export async function removeStage(
  userId: string,
  stageId: string,
  options: { moveToStageId?: string; now?: Date } = {},
): Promise<RemoveStageResult> {
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const stages = await lockStages(tx, userId);
    const stage = stages.find((candidate) => candidate.id === stageId);
    if (!stage) throw new NotFoundError('stage');
    const target = options.moveToStageId ? stages.find((candidate) => candidate.id === options.moveToStageId) : null;
    if (options.moveToStageId && !target) throw new NotFoundError('stage');
    if (target?.id === stage.id)
      throw new ValidationError('Choose another stage to move them to.', {
        moveToStageId: 'Choose another stage to move them to.',
      });
    if (stage.kind === 'OPEN' && stages.filter((candidate) => candidate.kind === 'OPEN').length === 1)
      throw new ConflictError(
        `${stage.name} is your only open stage, so it stays: new applications need somewhere to go. Add another open stage first.`,
      );

    // Locked, so an application moved into this stage meanwhile waits and is counted.
    const held = await tx.$queryRaw<{ id: string; closedAt: Date | null }[]>`
      SELECT "id", "closedAt" FROM "Application" WHERE "userId" = ${userId} AND "stageId" = ${stageId} FOR UPDATE`;
    if (held.length > 0 && !target)
      throw new ValidationError(stageInUseMessage(stage.name, held.length), {
        moveToStageId: stageInUseMessage(stage.name, held.length),
      });
    if (held.length > 0 && target) {
      const ids = held.map((application) => application.id);
      const closing = target.kind === 'CLOSED';
      await tx.application.updateMany({
        where: { id: { in: ids }, userId, stageId },
        data: {
          stageId: target.id,
          closeReason: closeReasonForStage(target),
          ...(closing ? {} : { closedAt: null }),
        },
      });
      // Entering a closed stage closes an open application now; one that was closed keeps its date.
      if (closing)
        await tx.application.updateMany({
          where: { id: { in: ids }, userId, closedAt: null },
          data: { closedAt: now },
        });
      await tx.stageChange.createMany({
        data: ids.map((applicationId) => ({
          userId,
          applicationId,
          fromStageId: stage.id,
          fromStageName: stage.name,
          toStageId: target.id,
          toStageName: target.name,
          changedAt: now,
          cause: 'USER' as const,
          note: `Stage ${stage.name} removed`,
        })),
      });
    }
    await tx.applicationStage.deleteMany({ where: { id: stageId, userId } });
    await writeStagePositions(
      tx,
      userId,
      stages.filter((candidate) => candidate.id !== stageId).map((candidate) => candidate.id),
    );
    return { moved: held.length };
  });
}

import 'server-only';
import { getDb, type Tx } from '@/lib/db';
import { closeReasonForStage } from '@/lib/domain/application-details';
import { stageForNewApplication } from '@/lib/domain/application-stages';
import { NotFoundError } from '@/lib/errors';
import type { ApplicationFormValues } from '@/lib/validation/application';
import { toApplicationData } from './application-data';
import { createDefaultStages } from './create-default-stages';
import { recordStageChange } from './record-stage-change';

const stageSelect = { id: true, name: true, position: true, kind: true, systemKey: true } as const;

async function readStages(tx: Tx, userId: string) {
  const read = () =>
    tx.applicationStage.findMany({
      where: { userId },
      select: stageSelect,
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
  const stages = await read();
  if (stages.length > 0) return stages;
  // An account made before stages came with it: it gets the defaults now.
  await createDefaultStages(tx, userId);
  return read();
}

/**
 * Saves a new application in the stage the user chose (Applied when they chose none) and its
 * first timeline row, in one transaction. A stage that is not the user's answers NotFoundError;
 * starting in a closed stage (backfilling a rejection) closes it at once.
 */
export async function createApplication(
  userId: string,
  values: ApplicationFormValues,
  options: { stageId?: string; now?: Date } = {},
): Promise<{ id: string }> {
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const stages = await readStages(tx, userId);
    const stage = options.stageId
      ? stages.find((candidate) => candidate.id === options.stageId)
      : stageForNewApplication(stages);
    if (!stage) throw new NotFoundError('stage');
    const closeReason = closeReasonForStage(stage);
    const application = await tx.application.create({
      data: {
        ...toApplicationData(values),
        userId,
        stageId: stage.id,
        closedAt: stage.kind === 'CLOSED' ? now : null,
        closeReason,
      },
      select: { id: true },
    });
    await recordStageChange(tx, {
      userId,
      applicationId: application.id,
      from: null,
      to: stage,
      cause: 'USER',
      changedAt: now,
    });
    return application;
  });
}

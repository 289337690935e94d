import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { lockStages, writeStagePositions } from './lock-stages';

/**
 * Moves a stage one place up or down among the stages of its kind (the page lists open and
 * closed stages apart, so "up" is the open or closed stage shown above it) and rewrites every
 * position in one transaction. At the top or bottom already it stays; returns whether it moved.
 */
export async function reorderStages(userId: string, stageId: string, direction: 'up' | 'down'): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const stages = await lockStages(tx, userId);
    const stage = stages.find((candidate) => candidate.id === stageId);
    if (!stage) throw new NotFoundError('stage');
    const sameKind = stages.filter((candidate) => candidate.kind === stage.kind);
    const index = sameKind.indexOf(stage);
    const neighbour = sameKind[direction === 'up' ? index - 1 : index + 1];
    if (!neighbour) return false;
    const order = stages.map((candidate) => candidate.id);
    const from = order.indexOf(stage.id);
    const to = order.indexOf(neighbour.id);
    order[from] = neighbour.id;
    order[to] = stage.id;
    await writeStagePositions(tx, userId, order);
    return true;
  });
}

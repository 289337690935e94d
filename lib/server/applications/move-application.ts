import 'server-only';
import { getDb, type Tx } from '@/lib/db';
import type { ApplicationCloseReason, StageChangeCause } from '@/lib/generated/prisma/enums';
import { closeReasonForStage } from '@/lib/domain/application-details';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { recordStageChange } from './record-stage-change';

// The close reason a closed default stage implies; a closed stage of the user's own has none.

export type MoveResult = {
  applicationId: string;
  fromStageId: string;
  toStageId: string;
  // False when the application was already in the target stage: nothing was written.
  moved: boolean;
  stageChangeId: string | null;
};

export type MoveOptions = {
  expectedStageId?: string;
  note?: string | null;
  cause?: StageChangeCause;
  closeReason?: ApplicationCloseReason;
  now?: Date;
  /** The caller's transaction (a recovery outcome that also moves the stage); its own otherwise. */
  tx?: Tx;
};

/**
 * Moves the user's application to another of their stages and writes the move to its timeline,
 * in one transaction. The row is locked first, so two tabs moving the same card one after the
 * other each write one row and the later move wins with a correct "from". `expectedStageId`
 * (an undo, a move from a stale board) refuses the move with a ConflictError when the
 * application has moved since. Entering a closed stage closes the application; leaving one
 * reopens it.
 */
export async function moveApplication(
  userId: string,
  applicationId: string,
  toStageId: string,
  options: MoveOptions = {},
): Promise<MoveResult> {
  if (options.tx) return moveInTransaction(options.tx, userId, applicationId, toStageId, options);
  return getDb().$transaction((tx) => moveInTransaction(tx, userId, applicationId, toStageId, options));
}

async function moveInTransaction(
  tx: Tx,
  userId: string,
  applicationId: string,
  toStageId: string,
  options: MoveOptions = {},
): Promise<MoveResult> {
  const locked = await tx.$queryRaw<{ stageId: string }[]>`
    SELECT "stageId" FROM "Application" WHERE "id" = ${applicationId} AND "userId" = ${userId} FOR UPDATE`;
  const current = locked[0];
  if (!current) throw new NotFoundError('application');
  // Taken once the row is ours, so two moves of one card are dated in the order they happened.
  const now = options.now ?? new Date();
  const [from, to] = await Promise.all([
    tx.applicationStage.findFirst({ where: { id: current.stageId, userId }, select: { id: true, name: true } }),
    tx.applicationStage.findFirst({
      where: { id: toStageId, userId },
      select: { id: true, name: true, kind: true, systemKey: true },
    }),
  ]);
  if (!to) throw new NotFoundError('stage');
  if (options.expectedStageId && options.expectedStageId !== current.stageId) {
    throw new ConflictError(
      `This application has moved since (it is now in ${from?.name ?? 'another stage'}), so it was left there.`,
    );
  }
  if (current.stageId === to.id) {
    return { applicationId, fromStageId: current.stageId, toStageId: to.id, moved: false, stageChangeId: null };
  }
  const closing = to.kind === 'CLOSED';
  await tx.application.update({
    where: { id: applicationId },
    data: {
      stageId: to.id,
      closedAt: closing ? now : null,
      closeReason: closing ? (options.closeReason ?? closeReasonForStage(to)) : null,
    },
  });
  const change = await recordStageChange(tx, {
    userId,
    applicationId,
    from,
    to,
    cause: options.cause ?? 'USER',
    changedAt: now,
    note: options.note,
  });
  return { applicationId, fromStageId: current.stageId, toStageId: to.id, moved: true, stageChangeId: change.id };
}

'use server';

import { z } from 'zod';
import { authedAction } from './client';
import { revalidateApplicationPages } from './revalidate';
import { moveApplication } from '@/lib/server/applications/move-application';
import { idSchema } from '@/lib/validation/common';

// The board always says where it saw the card: a move from a stale board (another tab moved the
// card meanwhile) is refused with a ConflictError instead of silently moving it from elsewhere.
const moveSchema = z.object({
  id: idSchema('application'),
  toStageId: idSchema('stage'),
  expectedStageId: idSchema('stage'),
});

const revalidate = () => revalidateApplicationPages();

const options = { returnTo: '/applications', revalidate };

/** Moves a card to another stage; one timeline row. */
export const moveApplicationAction = authedAction(
  moveSchema,
  async ({ id, toStageId, expectedStageId }, { user }) => {
    const { moved, fromStageId, stageChangeId } = await moveApplication(user.id, id, toStageId, { expectedStageId });
    return { moved, fromStageId, toStageId, stageChangeId };
  },
  options,
);

/**
 * Takes a move back: moves the card to `toStageId` (where it was) only if it is still where the
 * move put it (`expectedStageId`), so an undo used twice, or after the card moved on, is refused.
 * The undo is a move of its own, a second timeline row: the history keeps both.
 */
export const undoMoveAction = authedAction(
  moveSchema,
  async ({ id, toStageId, expectedStageId }, { user }) => {
    const { moved, stageChangeId } = await moveApplication(user.id, id, toStageId, { expectedStageId });
    return { moved, stageChangeId };
  },
  options,
);

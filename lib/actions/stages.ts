'use server';

import { authedAction } from './client';
import { revalidateApplicationPages } from './revalidate';
import { addStage } from '@/lib/server/applications/add-stage';
import { removeStage } from '@/lib/server/applications/remove-stage';
import { reorderStages } from '@/lib/server/applications/reorder-stages';
import { updateStage } from '@/lib/server/applications/update-stage';
import { addStageSchema, moveStageSchema, removeStageSchema, updateStageSchema } from '@/lib/validation/stages';

const options = { returnTo: '/applications/stages', revalidate: () => revalidateApplicationPages() };

export const addStageAction = authedAction(addStageSchema, (values, { user }) => addStage(user.id, values), options);

export const updateStageAction = authedAction(
  updateStageSchema,
  async ({ id, values }, { user }) => {
    await updateStage(user.id, id, values);
  },
  options,
);

export const moveStageAction = authedAction(
  moveStageSchema,
  async ({ id, direction }, { user }) => ({ moved: await reorderStages(user.id, id, direction) }),
  options,
);

export const removeStageAction = authedAction(
  removeStageSchema,
  ({ id, moveToStageId }, { user }) => removeStage(user.id, id, { moveToStageId }),
  options,
);

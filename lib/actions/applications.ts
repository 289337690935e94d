'use server';

import { z } from 'zod';
import { authedAction } from './client';
import { revalidateApplicationPages } from './revalidate';
import { hasApplicationWarnings, type ApplicationWarnings } from '@/lib/domain/application-details';
import { addApplicationContact } from '@/lib/server/applications/add-application-contact';
import { createApplication } from '@/lib/server/applications/create-application';
import { deleteApplication } from '@/lib/server/applications/delete-application';
import { deleteApplicationContact } from '@/lib/server/applications/delete-application-contact';
import { findApplicationWarnings } from '@/lib/server/applications/find-application-warnings';
import { markApplicationGhosted } from '@/lib/server/applications/mark-application-ghosted';
import { moveApplication } from '@/lib/server/applications/move-application';
import { recordReply } from '@/lib/server/applications/record-reply';
import { updateApplication } from '@/lib/server/applications/update-application';
import { updateApplicationContact } from '@/lib/server/applications/update-application-contact';
import {
  applicationContactSchema,
  changeApplicationStageSchema,
  createApplicationSchema,
  updateApplicationSchema,
} from '@/lib/validation/application';
import { idSchema } from '@/lib/validation/common';

const applicationId = idSchema('application');
const stageId = idSchema('stage');
const contactId = idSchema('contact');
const revalidate = () => revalidateApplicationPages();

export type CreateApplicationResult = { saved: true; id: string } | { saved: false; warnings: ApplicationWarnings };

/**
 * Saves a new application, unless it looks like one the user already has or a company that
 * recently turned them down: then it answers the warnings and saves nothing until the form
 * sends it again with acknowledgeWarnings (never blocked, only asked once).
 */
export const createApplicationAction = authedAction(
  createApplicationSchema,
  async ({ values, stageId: chosenStage, acknowledgeWarnings }, { user }): Promise<CreateApplicationResult> => {
    if (!acknowledgeWarnings) {
      const warnings = await findApplicationWarnings(user.id, { company: values.company, roleTitle: values.roleTitle });
      if (hasApplicationWarnings(warnings)) return { saved: false, warnings };
    }
    const { id } = await createApplication(user.id, values, { stageId: chosenStage });
    return { saved: true, id };
  },
  {
    returnTo: '/applications/new',
    revalidate: (_input, output) => {
      if (output.saved) revalidate();
    },
  },
);

export const updateApplicationAction = authedAction(
  updateApplicationSchema,
  async ({ id, values }, { user }) => {
    await updateApplication(user.id, id, values);
    return { id };
  },
  {
    returnTo: '/applications',
    revalidate,
    messages: {
      NOT_FOUND:
        'This application was deleted (perhaps in another tab), so there is nothing to save. What you typed is still in the form.',
    },
  },
);

export const deleteApplicationAction = authedAction(
  z.object({ id: applicationId }),
  ({ id }, { user }) => deleteApplication(user.id, id),
  { returnTo: '/applications', revalidate },
);

export const changeApplicationStageAction = authedAction(
  changeApplicationStageSchema,
  async ({ id, stageId: toStageId, note, expectedStageId }, { user }) => {
    const { moved } = await moveApplication(user.id, id, toStageId, { note, expectedStageId, cause: 'USER' });
    return { moved };
  },
  { returnTo: '/applications', revalidate },
);

export const markApplicationGhostedAction = authedAction(
  z.object({ id: applicationId, expectedStageId: z.optional(stageId) }),
  async ({ id, expectedStageId }, { user }) => {
    const { moved } = await markApplicationGhosted(user.id, id, { expectedStageId });
    return { moved };
  },
  { returnTo: '/applications', revalidate },
);

export const recordReplyAction = authedAction(
  z.object({ id: applicationId }),
  ({ id }, { user }) => recordReply(user.id, id),
  { returnTo: '/applications', revalidate },
);

export const addApplicationContactAction = authedAction(
  z.object({ applicationId, values: applicationContactSchema }),
  ({ applicationId: id, values }, { user }) => addApplicationContact(user.id, id, values),
  { returnTo: '/applications', revalidate },
);

export const updateApplicationContactAction = authedAction(
  z.object({ id: contactId, values: applicationContactSchema }),
  async ({ id, values }, { user }) => {
    await updateApplicationContact(user.id, id, values);
  },
  { returnTo: '/applications', revalidate },
);

export const deleteApplicationContactAction = authedAction(
  z.object({ id: contactId }),
  async ({ id }, { user }) => {
    await deleteApplicationContact(user.id, id);
  },
  { returnTo: '/applications', revalidate },
);

'use server';

import { z } from 'zod';
import { authedAction, noInput } from './client';
import { revalidateInterviewPages } from './revalidate';
import { ValidationError } from '@/lib/errors';
import { regenerateCalendarFeedToken } from '@/lib/server/interviews/regenerate-calendar-feed-token';
import { changeInterviewStatus } from '@/lib/server/interviews/change-interview-status';
import { createInterview } from '@/lib/server/interviews/create-interview';
import { deleteInterview } from '@/lib/server/interviews/delete-interview';
import { findInterviewWarnings } from '@/lib/server/interviews/find-interview-warnings';
import { rescheduleByEmployer } from '@/lib/server/interviews/reschedule-by-employer';
import { setPrepItem } from '@/lib/server/interviews/set-prep-item';
import { updateInterview } from '@/lib/server/interviews/update-interview';
import { idSchema } from '@/lib/validation/common';
import { interviewFormSchema, prepItemIdSchema, rescheduleByEmployerSchema } from '@/lib/validation/interview';

const interviewId = idSchema('interview');
const revalidate = () => revalidateInterviewPages();

export const createInterviewAction = authedAction(
  interviewFormSchema,
  async (values, { user }) => {
    if (!values.acknowledgeWarnings) {
      const warnings = await findInterviewWarnings(user.id, values);
      if (warnings) return { saved: false as const, warnings };
    }
    const { id, notice } = await createInterview(user.id, values);
    return { saved: true as const, id, notice };
  },
  { returnTo: '/interviews/new', revalidate },
);

const versionSchema = z
  .string()
  .optional()
  .transform((value) => {
    const version = value ? new Date(value) : undefined;
    return version && !Number.isNaN(version.getTime()) ? version : undefined;
  });

export const updateInterviewAction = authedAction(
  z.object({ id: interviewId, values: interviewFormSchema, expectedUpdatedAt: versionSchema }),
  async ({ id, values, expectedUpdatedAt }, { user }) => {
    const { notice } = await updateInterview(user.id, id, values, expectedUpdatedAt);
    return { notice };
  },
  {
    returnTo: '/interviews',
    revalidate,
    messages: {
      NOT_FOUND:
        'This interview was deleted (perhaps in another tab), so there is nothing to save. What you typed is still in the form.',
    },
  },
);

export const deleteInterviewAction = authedAction(
  z.object({ id: interviewId }),
  async ({ id }, { user }) => {
    await deleteInterview(user.id, id);
  },
  { returnTo: '/interviews', revalidate },
);

// Missed goes through the recovery flow, which records the incident with the status.
const SETTABLE_STATUSES = ['COMPLETED', 'CANCELLED', 'WITHDRAWN'] as const;
const isSettableStatus = (status: string): status is (typeof SETTABLE_STATUSES)[number] =>
  (SETTABLE_STATUSES as readonly string[]).includes(status);

export const changeInterviewStatusAction = authedAction(
  z.object({ id: interviewId, status: z.string() }),
  async ({ id, status }, { user }) => {
    if (!isSettableStatus(status)) throw new ValidationError('That status cannot be set here.');
    await changeInterviewStatus(user.id, id, status);
  },
  { returnTo: '/interviews', revalidate },
);

export const rescheduleByEmployerAction = authedAction(
  z.object({ ...rescheduleByEmployerSchema.shape, id: interviewId }),
  ({ id, date, time }, { user }) => rescheduleByEmployer(user.id, id, date, time),
  { returnTo: '/interviews', revalidate },
);

export const setPrepItemAction = authedAction(
  z.object({
    id: interviewId,
    itemId: prepItemIdSchema,
    checked: z.boolean(),
  }),
  async ({ id, itemId, checked }, { user }) => {
    await setPrepItem(user.id, id, itemId, checked);
  },
  {
    returnTo: '/interviews',
    revalidate,
    messages: { VALIDATION: 'That checklist item does not apply to this interview.' },
  },
);

export const regenerateCalendarFeedAction = authedAction(
  noInput,
  async (_input, { user }) => {
    await regenerateCalendarFeedToken(user.id);
  },
  { returnTo: '/interviews', revalidate },
);

'use server';

import { z } from 'zod';
import { authedAction } from './client';
import { revalidateCalendarImportPages } from './revalidate';
import { applyInvitationUpdate } from '@/lib/server/imports/apply-invitation-update';
import { cancelFromInvitation } from '@/lib/server/imports/cancel-from-invitation';
import { createInterviewFromInvitation } from '@/lib/server/imports/create-interview-from-invitation';
import { findInterviewWarnings } from '@/lib/server/interviews/find-interview-warnings';
import { invitationStepSchema, invitationStepShape } from '@/lib/validation/invitation';
import { interviewFormSchema } from '@/lib/validation/interview';

const revalidate = () => revalidateCalendarImportPages();

/** "Add this interview": the confirmed form of a new invitation, with the same warnings as the interview form. */
export const createInterviewFromInvitationAction = authedAction(
  z.object({ ...invitationStepShape, values: interviewFormSchema }),
  async ({ importId, uid, values }, { user }) => {
    if (!values.acknowledgeWarnings) {
      const warnings = await findInterviewWarnings(user.id, values);
      if (warnings) return { saved: false as const, warnings };
    }
    const { id, notice } = await createInterviewFromInvitation(user.id, importId, uid, values);
    return { saved: true as const, id, notice };
  },
  { returnTo: '/imports/calendar', revalidate },
);

/** "Update this interview": a later version of the invitation moves its interview. */
export const applyInvitationUpdateAction = authedAction(
  invitationStepSchema,
  async ({ importId, uid }, { user }) => applyInvitationUpdate(user.id, importId, uid),
  { returnTo: '/imports/calendar', revalidate },
);

/** "Mark it cancelled": the employer cancelled the invitation. */
export const cancelFromInvitationAction = authedAction(
  invitationStepSchema,
  async ({ importId, uid }, { user }) => cancelFromInvitation(user.id, importId, uid),
  { returnTo: '/imports/calendar', revalidate },
);

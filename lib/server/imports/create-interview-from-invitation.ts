import 'server-only';
import { INVITATION_STEP_MESSAGES } from '@/lib/domain/invitation-plan';
import { ConflictError, ValidationError } from '@/lib/errors';
import { getDb } from '@/lib/db';
import type { InterviewFormValues } from '@/lib/validation/interview';
import { createInterview } from '@/lib/server/interviews/create-interview';
import { readInvitationEvent } from './read-calendar-import';

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

/**
 * The interview the user confirmed from an invitation's event: the form's values (as the user
 * corrected them), saved the way the interview form saves, with the invitation's UID and SEQUENCE
 * so its later versions find it. An event whose UID already has an interview adds nothing.
 */
export async function createInterviewFromInvitation(
  userId: string,
  importId: string,
  uid: string,
  values: InterviewFormValues,
) {
  const event = await readInvitationEvent(userId, importId, uid);
  if (event.isCancelled) throw new ValidationError(INVITATION_STEP_MESSAGES.cancelledUnknown);
  const existing = await getDb().interview.findFirst({ where: { userId, invitationUid: uid }, select: { id: true } });
  if (existing) throw new ConflictError(INVITATION_STEP_MESSAGES.current);
  try {
    return await createInterview(userId, values, { invitation: { uid, sequence: event.sequence } });
  } catch (error) {
    // Two tabs confirming the same invitation: the unique UID keeps one interview.
    if (isUniqueViolation(error)) throw new ConflictError(INVITATION_STEP_MESSAGES.current);
    throw error;
  }
}

import 'server-only';
import { getDb } from '@/lib/db';
import { INVITATION_STEP_MESSAGES } from '@/lib/domain/invitation-plan';
import { ValidationError } from '@/lib/errors';
import { lockInterview } from '@/lib/server/interviews/lock-interview';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';
import { readInvitationEvent } from './read-calendar-import';

/**
 * The employer cancelled (METHOD:CANCEL or STATUS:CANCELLED, with a higher SEQUENCE): the
 * interview becomes cancelled through the one status change every other path uses (timeline
 * entry, calendar SEQUENCE, reminders), and the cancellation's SEQUENCE is taken in, in one
 * transaction.
 */
export async function cancelFromInvitation(userId: string, importId: string, uid: string) {
  return getDb().$transaction(async (tx) => {
    const event = await readInvitationEvent(userId, importId, uid, tx);
    if (!event.isCancelled) throw new ValidationError('This version of the invitation does not cancel the interview.');
    const found = await tx.interview.findFirst({ where: { userId, invitationUid: uid }, select: { id: true } });
    if (!found) throw new ValidationError(INVITATION_STEP_MESSAGES.cancelledUnknown);
    await lockInterview(tx, userId, found.id);
    const interview = await tx.interview.findFirstOrThrow({
      where: { id: found.id, userId },
      select: { id: true, status: true, invitationSequence: true },
    });
    if (event.sequence <= (interview.invitationSequence ?? 0))
      throw new ValidationError(INVITATION_STEP_MESSAGES.current);
    if (interview.status === 'CANCELLED') throw new ValidationError(INVITATION_STEP_MESSAGES.alreadyCancelled);
    await transitionInterviewStatus(tx, userId, interview, 'CANCELLED', { source: 'invitation' });
    await tx.interview.update({
      where: { id: interview.id },
      data: { invitationSequence: event.sequence },
      select: { id: true },
    });
    return { id: interview.id };
  });
}

import 'server-only';
import { getDb } from '@/lib/db';
import { INVITATION_STEP_MESSAGES, invitationStart } from '@/lib/domain/invitation-plan';
import { formatWithZone } from '@/lib/domain/time';
import { ValidationError } from '@/lib/errors';
import { lockInterview } from '@/lib/server/interviews/lock-interview';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';
import { readInvitationEvent } from './read-calendar-import';

export const INVITATION_CHANGE_REASON = "changed by the employer's invitation";

/**
 * A later version of the invitation (same UID, higher SEQUENCE) moves its interview in place, in
 * one transaction: the new time, zone, place and link; Rebound's own calendar SEQUENCE raised so
 * calendar apps take the change (under Rebound's UID, not the invitation's); the invitation's
 * SEQUENCE taken in; the time change kept in the interview's history; a timeline entry; and the
 * reminders moved with it.
 */
export async function applyInvitationUpdate(userId: string, importId: string, uid: string) {
  return getDb().$transaction(async (tx) => {
    const event = await readInvitationEvent(userId, importId, uid, tx);
    const found = await tx.interview.findFirst({ where: { userId, invitationUid: uid }, select: { id: true } });
    if (!found) throw new ValidationError('No interview came from this invitation yet: add it first.');
    await lockInterview(tx, userId, found.id);
    const interview = await tx.interview.findFirstOrThrow({ where: { id: found.id, userId } });
    if (event.sequence <= (interview.invitationSequence ?? 0))
      throw new ValidationError(INVITATION_STEP_MESSAGES.current);
    if (event.isCancelled) throw new ValidationError('This version of the invitation cancels the interview.');
    if (interview.status !== 'SCHEDULED') throw new ValidationError(INVITATION_STEP_MESSAGES.notScheduled);

    const start = invitationStart(event, interview.timeZone);
    const durationMinutes = event.durationMinutes ?? interview.durationMinutes;
    const timeChanged =
      start.instant.getTime() !== interview.scheduledStart.getTime() ||
      durationMinutes !== interview.durationMinutes ||
      start.timeZone !== interview.timeZone;
    await tx.interview.update({
      where: { id: interview.id },
      data: {
        scheduledStart: start.instant,
        durationMinutes,
        timeZone: start.timeZone,
        // The invitation says where only when it says something: an empty LOCATION keeps the address.
        location: event.address ?? interview.location,
        meetingUrl: event.meetingLink?.url ?? interview.meetingUrl,
        invitationSequence: event.sequence,
        calendarSequence: { increment: 1 },
      },
      select: { id: true },
    });
    if (timeChanged) {
      await tx.interviewTimeChange.create({
        data: {
          userId,
          interviewId: interview.id,
          requestedBy: 'INVITATION',
          reason: INVITATION_CHANGE_REASON,
          fromStart: interview.scheduledStart,
          toStart: start.instant,
          fromDurationMinutes: interview.durationMinutes,
          toDurationMinutes: durationMinutes,
          fromTimeZone: interview.timeZone,
          toTimeZone: start.timeZone,
        },
        select: { id: true },
      });
    }
    await recordActivity(tx, [
      {
        userId,
        interviewId: interview.id,
        type: 'UPDATED',
        summary: timeChanged
          ? `Moved by the employer's invitation from ${formatWithZone(interview.scheduledStart, interview.timeZone)} to ${formatWithZone(start.instant, start.timeZone)}`
          : "Updated from the employer's invitation",
        details: { source: 'invitation', sequence: event.sequence },
      },
    ]);
    await syncInterviewReminders(tx, userId, interview.id);
    return { id: interview.id, timeChanged };
  });
}

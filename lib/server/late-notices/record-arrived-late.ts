import 'server-only';
import { getDb } from '@/lib/db';
import { findLateNotice } from '@/lib/domain/late-notice';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { lockInterview } from '@/lib/server/interviews/lock-interview';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';

const NOT_ATTENDABLE = 'Only an interview that was scheduled or attended can be marked as attended late.';

/**
 * The check-in's "Made it, late": the interview is attended (if not marked so already) and the
 * timeline says it was late, naming the delay the user announced, all in one transaction. A
 * second answer adds nothing.
 */
export async function recordArrivedLate(userId: string, interviewId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockInterview(tx, userId, interviewId);
    const interview = await tx.interview.findFirst({
      where: { id: interviewId, userId },
      select: {
        id: true,
        status: true,
        activityEvents: {
          where: { userId, type: { in: ['MESSAGE_SENT', 'OUTCOME_RECORDED'] } },
          select: { type: true, occurredAt: true, details: true },
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
          take: 50,
        },
      },
    });
    if (!interview) throw new NotFoundError('interview');
    if (interview.status !== 'SCHEDULED' && interview.status !== 'COMPLETED') throw new ValidationError(NOT_ATTENDABLE);
    const isRecorded = interview.activityEvents.some(
      (event) => event.type === 'OUTCOME_RECORDED' && isArrivedLate(event.details),
    );
    if (isRecorded) return;
    if (interview.status === 'SCHEDULED') {
      await transitionInterviewStatus(tx, userId, interview, 'COMPLETED', { arrival: 'LATE' });
    }
    const told = findLateNotice(interview.activityEvents);
    await recordActivity(tx, [
      {
        userId,
        interviewId,
        type: 'OUTCOME_RECORDED',
        summary: told
          ? `Made it, late: you had told them you’d be about ${told.minutesLate} minutes late.`
          : 'Made it, late.',
        details: { kind: 'ARRIVED_LATE', ...(told ? { announcedMinutes: told.minutesLate } : {}) },
      },
    ]);
  });
}

function isArrivedLate(details: unknown): boolean {
  return typeof details === 'object' && details !== null && (details as { kind?: unknown }).kind === 'ARRIVED_LATE';
}

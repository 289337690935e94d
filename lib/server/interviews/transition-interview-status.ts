import 'server-only';
import type { Tx } from '@/lib/db';
import {
  assertTransition,
  INTERVIEW_STATUS_LABELS,
  InvalidTransitionError,
  type InterviewStatus,
} from '@/lib/domain/interview-status';
import { ConflictError, ValidationError } from '@/lib/errors';
import { recordActivity } from './record-activity';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';

/**
 * Every status change goes through here, whether the user picked it on the interview page or a
 * recovery step implies it: the domain's transition rule, a write that loses cleanly to a
 * concurrent change, and one "From → To" timeline entry. Runs inside the caller's transaction;
 * `interview` is the row as the caller read it for this user.
 */
export async function transitionInterviewStatus(
  tx: Tx,
  userId: string,
  interview: { id: string; status: InterviewStatus },
  to: InterviewStatus,
  extraDetails: Record<string, string> = {},
): Promise<void> {
  const from = interview.status;
  try {
    assertTransition(from, to);
  } catch (error) {
    if (!(error instanceof InvalidTransitionError)) throw error;
    const refusal = new ValidationError(error.message);
    refusal.cause = error;
    throw refusal;
  }
  // The status in the where makes a concurrent change lose cleanly instead of both applying.
  const { count } = await tx.interview.updateMany({
    where: { id: interview.id, userId, status: from },
    data: { status: to, calendarSequence: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError('This interview changed in the meantime. Reload and try again.');
  await recordActivity(tx, [
    {
      userId,
      interviewId: interview.id,
      type: 'STATUS_CHANGED',
      summary: `${INTERVIEW_STATUS_LABELS[from]} → ${INTERVIEW_STATUS_LABELS[to]}`,
      details: { ...extraDetails, from, to },
    },
  ]);
  await syncInterviewReminders(tx, userId, interview.id);
}

import 'server-only';
import type { Tx } from '@/lib/db';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { advanceIncident } from './advance-incident';
import { type LockedIncident } from './incident-access';
import { settlePendingRequests } from './reschedule-request';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';

/**
 * They joined after all (or the candidate did, late): the interview took place. The outcome is
 * ATTENDED_LATE, the interview completed, and the flow goes to the optional lesson. Runs inside
 * the caller's transaction, from the checks, the wait or the outcome step.
 */
export async function recordJoinedLate(tx: Tx, incident: LockedIncident): Promise<RecoveryState> {
  const waited = incident.recoveryState === 'WAIT';
  const state = await advanceIncident(
    tx,
    incident,
    { type: 'ATTENDED_LATE' },
    // From the wait, the wait is done and the outcome is what was recorded.
    { completes: waited ? 'OUTCOME' : incident.recoveryState, data: { outcome: 'ATTENDED_LATE' } },
  );
  if (waited) await recordWaitDone(tx, incident);
  await settlePendingRequests(tx, incident, 'ATTENDED_LATE');
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: incident.interviewId,
      type: 'OUTCOME_RECORDED',
      summary: 'The interview started late and took place.',
      details: { incidentId: incident.id, kind: 'EMPLOYER_NO_SHOW', outcome: 'ATTENDED_LATE' },
    },
  ]);
  await transitionInterviewStatus(tx, incident.userId, incident.interview, 'COMPLETED');
  return state;
}

/** The wait step's own row, when an outcome is recorded straight from it. */
export async function recordWaitDone(tx: Tx, incident: Pick<LockedIncident, 'id' | 'userId'>): Promise<void> {
  await tx.recoveryStep.create({
    data: { userId: incident.userId, incidentId: incident.id, step: 'WAIT', status: 'DONE' },
  });
}

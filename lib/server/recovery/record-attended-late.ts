import 'server-only';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { getDb } from '@/lib/db';
import { type IncidentRefValues } from '@/lib/validation/recovery';
import { advanceIncident } from './advance-incident';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';
import { loadIncidentForUpdate } from './incident-access';
import { settlePendingRequests } from './reschedule-request';

/**
 * The preventive flow's happy ending: the candidate called ahead, arrived late and was still seen.
 * The interview becomes completed, the outcome ATTENDED_LATE, and the flow goes to the lesson.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError for a
 * missed (not running-late) incident or one already past the outcome (the state machine's message).
 */
export async function recordAttendedLate(userId: string, data: IncidentRefValues): Promise<{ state: RecoveryState }> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    const state = await advanceIncident(
      tx,
      incident,
      { type: 'ATTENDED_LATE' },
      { completes: 'OUTCOME', data: { outcome: 'ATTENDED_LATE' } },
    );
    await settlePendingRequests(tx, incident, 'ATTENDED_LATE');
    await recordActivity(tx, [
      {
        userId,
        interviewId: incident.interviewId,
        type: 'OUTCOME_RECORDED',
        summary: 'Arrived late and was still seen.',
        details: { incidentId: incident.id },
      },
    ]);
    await transitionInterviewStatus(tx, userId, incident.interview, 'COMPLETED');
    return { state };
  });
}

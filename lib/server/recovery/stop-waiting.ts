import 'server-only';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { getDb } from '@/lib/db';
import { type IncidentRefValues } from '@/lib/validation/recovery';
import { advanceIncident } from './advance-incident';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { loadIncidentForUpdate } from './incident-access';
import { settlePendingRequests } from './reschedule-request';

/**
 * Stops waiting for an answer that is not coming (OUTCOME → LESSON): the pending requests are
 * closed as unanswered and the incident's outcome becomes NO_RESPONSE.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError when
 * the outcome step is not the open one (the state machine's message).
 */
export async function stopWaiting(userId: string, data: IncidentRefValues): Promise<{ state: RecoveryState }> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    const state = await advanceIncident(tx, incident, { type: 'WAITING_ENDED' }, { data: { outcome: 'NO_RESPONSE' } });
    await settlePendingRequests(tx, incident, 'NO_RESPONSE');
    await recordActivity(tx, [
      {
        userId,
        interviewId: incident.interviewId,
        type: 'OUTCOME_RECORDED',
        summary: 'Stopped waiting for an answer.',
        details: { incidentId: incident.id, answer: 'NO_RESPONSE' },
      },
    ]);
    return { state };
  });
}

import 'server-only';
import { type RecoveryState, assertStep, labelStep } from '@/lib/domain/recovery-state';
import { getDb } from '@/lib/db';
import { type SkipStepValues } from '@/lib/validation/recovery';
import { advanceIncident } from './advance-incident';
import { applyDomainRule } from './guards';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { loadIncidentForUpdate } from './incident-access';

/**
 * Skips the open step with a reason, which the stepper shows from then on. Only the open step can
 * be skipped: naming another one is refused with the state machine's message, so a stale page
 * cannot skip a step the user never saw. Skipping the lesson closes the incident.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError for a
 * step that is not the open one.
 */
export async function skipStep(userId: string, data: SkipStepValues): Promise<{ state: RecoveryState }> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    applyDomainRule(() => assertStep(incident.recoveryState, data.step));
    const state = await advanceIncident(tx, incident, { type: 'STEP_SKIPPED', reason: data.reason });
    const label = labelStep(data.step, incident.kind);
    await recordActivity(tx, [
      {
        userId,
        interviewId: incident.interviewId,
        type: 'STEP_SKIPPED',
        summary: `Skipped “${label}”: ${data.reason}`,
        details: { incidentId: incident.id, step: data.step, reason: data.reason },
      },
      ...(state === 'CLOSED'
        ? [
            {
              userId,
              interviewId: incident.interviewId,
              type: 'INCIDENT_CLOSED' as const,
              summary: 'Recovery closed.',
              details: { incidentId: incident.id },
            },
          ]
        : []),
    ]);
    return { state };
  });
}

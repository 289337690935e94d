import 'server-only';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { type IncidentRefValues } from '@/lib/validation/recovery';
import { advanceIncident } from './advance-incident';
import { loadIncidentForUpdate } from './incident-access';

/**
 * Finishes the apology step (APOLOGY → SEND): the user is happy with the letter and moves on to
 * sending it. The text itself is saved by autosave; this only records the step.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError when
 * the apology is not the open step or its draft is empty.
 */
export async function approveDraft(userId: string, data: IncidentRefValues): Promise<{ state: RecoveryState }> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    const apology = await tx.message.findFirst({
      where: { userId, incidentId: incident.id, kind: { in: ['APOLOGY', 'RESCHEDULE_REQUEST'] } },
      orderBy: { createdAt: 'asc' },
      select: { body: true },
    });
    const state = await advanceIncident(tx, incident, { type: 'DRAFT_APPROVED' });
    if (!apology?.body.trim()) throw new ValidationError('Write the apology before moving on to sending it.');
    return { state };
  });
}

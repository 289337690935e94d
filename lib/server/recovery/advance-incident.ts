import 'server-only';
import type { Tx } from '@/lib/db';
import { type RecoveryEvent, type RecoveryState, nextState } from '@/lib/domain/recovery-state';
import { type Prisma } from '@/lib/generated/prisma/client';
import { applyDomainRule } from './guards';
import { type LockedIncident } from './incident-access';
import { syncIncidentReminders } from '@/lib/server/reminders/sync-incident-reminders';

type AdvanceOptions = {
  // The step the event completes; defaults to the open step. Null records no step (waiting).
  completes?: RecoveryState | null;
  data?: Prisma.MissedIncidentUpdateInput;
};

/**
 * Moves the incident through the state machine and writes the timestamped RecoveryStep row for
 * the step taken (SKIPPED with its reason for a skip). An event that does not fit the current
 * state throws a ValidationError with the state machine's message and writes nothing.
 */
export async function advanceIncident(
  tx: Tx,
  incident: Pick<LockedIncident, 'id' | 'userId' | 'kind' | 'recoveryState'>,
  event: RecoveryEvent,
  options: AdvanceOptions = {},
): Promise<RecoveryState> {
  const current = incident.recoveryState;
  const next = applyDomainRule(() => nextState(current, event, incident.kind));
  const isSkip = event.type === 'STEP_SKIPPED';
  const completes = options.completes === undefined ? (next === current ? null : current) : options.completes;

  if (next !== current || options.data) {
    await tx.missedIncident.update({
      where: { id: incident.id, userId: incident.userId },
      data: { ...options.data, recoveryState: next, ...(next === 'CLOSED' ? { closedAt: new Date() } : {}) },
    });
  }
  if (completes) {
    await tx.recoveryStep.create({
      data: {
        userId: incident.userId,
        incidentId: incident.id,
        step: completes,
        status: isSkip ? 'SKIPPED' : 'DONE',
        skipReason: isSkip ? event.reason.trim() : null,
      },
    });
  }
  // Closing the recovery, or moving past the wait, changes which nudges are still due.
  if (next !== current) await syncIncidentReminders(tx, incident.userId, incident.id);
  return next;
}

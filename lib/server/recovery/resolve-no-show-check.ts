import 'server-only';
import { OWN_MISTAKE_REASONS } from '@/lib/domain/employer-no-show';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { getDb, type Tx } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { type ResolveNoShowCheckValues } from '@/lib/validation/no-show';
import { advanceIncident } from './advance-incident';
import { buildMessageFacts, createDraft } from './drafts';
import { type LockedIncident, loadIncidentForUpdate } from './incident-access';
import { recordJoinedLate } from './no-show-joined-late';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';

export type ResolveNoShowCheckResult = { state: RecoveryState; kind: 'EMPLOYER_NO_SHOW' | 'MISSED' };

const NOT_A_NO_SHOW = 'These checks belong to a no-show by the employer.';

/**
 * Records what the candidate's own checks found, in one transaction:
 * - everything as saved: on to the wait;
 * - a wrong zone or day, or a wrong link or address: it was their own miss; the incident becomes
 *   MISSED at the call, with the cause found, its drafts (call script, apology) written, the
 *   waiting note dismissed and the interview marked missed;
 * - it started after all: attended late, the interview completed, on to the lesson.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError for
 * one that is not a no-show or is past its checks (the state machine's message).
 */
export async function resolveNoShowCheck(
  userId: string,
  data: ResolveNoShowCheckValues,
): Promise<ResolveNoShowCheckResult> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    if (incident.kind !== 'EMPLOYER_NO_SHOW') throw new ValidationError(NOT_A_NO_SHOW);
    switch (data.finding) {
      case 'ALL_CORRECT':
        return { state: await advanceIncident(tx, incident, { type: 'CHECKS_PASSED' }), kind: incident.kind };
      case 'JOINED_LATE':
        return { state: await recordJoinedLate(tx, incident), kind: incident.kind };
      default:
        return { state: await turnIntoOwnMiss(tx, incident, OWN_MISTAKE_REASONS[data.finding]), kind: 'MISSED' };
    }
  });
}

async function turnIntoOwnMiss(
  tx: Tx,
  incident: LockedIncident,
  reason: (typeof OWN_MISTAKE_REASONS)[keyof typeof OWN_MISTAKE_REASONS],
): Promise<RecoveryState> {
  const state = await advanceIncident(tx, incident, { type: 'OWN_MISS_FOUND' }, { data: { kind: 'MISSED', reason } });
  // The note asked them whether to wait: it no longer fits, and stays in the history only.
  await tx.message.updateMany({
    where: { incidentId: incident.id, userId: incident.userId, kind: 'NO_SHOW_CHECK_IN', status: { not: 'SENT' } },
    data: { dismissedAt: new Date() },
  });
  const missed = { ...incident, kind: 'MISSED' as const, reason };
  const facts = buildMessageFacts({
    interview: incident.interview,
    incident: missed,
    candidateName: incident.user.name,
  });
  for (const kind of ['CALL_SCRIPT', 'APOLOGY'] as const) {
    await createDraft(tx, {
      userId: incident.userId,
      incidentId: incident.id,
      interviewId: incident.interviewId,
      kind,
      facts,
      contactsFrom: incident.interview,
    });
  }
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: incident.interviewId,
      type: 'OUTCOME_RECORDED',
      summary:
        reason === 'TIMEZONE_ERROR'
          ? 'Your checks found the wrong time or zone: marked as missed; recovery started.'
          : 'Your checks found the wrong link or address: marked as missed; recovery started.',
      details: { incidentId: incident.id, kind: 'MISSED', reason },
    },
  ]);
  if (incident.interview.status !== 'MISSED')
    await transitionInterviewStatus(tx, incident.userId, incident.interview, 'MISSED');
  return state;
}

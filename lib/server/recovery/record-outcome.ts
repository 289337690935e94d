import 'server-only';
import { type FollowUpAdvice } from '@/lib/domain/recovery-follow-up';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { getDb, type Tx } from '@/lib/db';
import { type RecordOutcomeValues } from '@/lib/validation/recovery';
import { type AcceptedOutcome, acceptReschedule } from './accept-reschedule';
import { advanceIncident } from './advance-incident';
import { buildMessageFacts, createDraft } from './drafts';
import { loadFollowUpAdvice } from './follow-up-advice';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';
import { type LockedIncident, loadIncidentForUpdate } from './incident-access';
import { answerLatestRequest, settlePendingRequests } from './reschedule-request';
import { syncIncidentReminders } from '@/lib/server/reminders/sync-incident-reminders';

export type RecordOutcomeResult =
  | AcceptedOutcome
  | { answer: 'DECLINED'; state: RecoveryState; thankYouMessageId: string }
  | { answer: 'NO_RESPONSE'; state: RecoveryState; followUp: FollowUpAdvice };

/**
 * Records the employer's answer to the reschedule request, in one transaction:
 * - ACCEPTED: a new interview at the given time linked to the missed one (see acceptReschedule);
 * - DECLINED: the request is closed, a last "thank you for your consideration" is drafted, and
 *   the flow moves to the lesson;
 * - NO_RESPONSE: nothing changes; the answer carries when a follow-up becomes sensible.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError for
 * a new time that has passed since the form was checked, an answer recorded already or before the
 * request was sent (the state machine's message), or an interview whose status cannot change that way.
 */
export async function recordOutcome(userId: string, data: RecordOutcomeValues): Promise<RecordOutcomeResult> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    if (data.answer === 'ACCEPTED') return acceptReschedule(tx, incident, data);
    if (data.answer === 'DECLINED') return recordDeclined(tx, incident, data);
    return recordNoResponse(tx, incident, data);
  });
}

async function recordDeclined(
  tx: Tx,
  incident: LockedIncident,
  data: RecordOutcomeValues,
): Promise<RecordOutcomeResult> {
  const state = await advanceIncident(
    tx,
    incident,
    { type: 'OUTCOME_RECORDED', answer: 'DECLINED' },
    { data: { outcome: 'DECLINED' } },
  );
  await answerLatestRequest(tx, incident, { status: 'DECLINED', note: data.note });
  await settlePendingRequests(tx, incident, 'DECLINED');
  const interview = incident.interview;
  const thankYou = await createDraft(tx, {
    userId: incident.userId,
    incidentId: incident.id,
    interviewId: interview.id,
    kind: 'THANK_YOU_DECLINED',
    facts: buildMessageFacts({ interview, incident, candidateName: incident.user.name }),
    contactsFrom: interview,
  });
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: interview.id,
      type: 'OUTCOME_RECORDED',
      summary: 'They declined to reschedule.',
      details: { incidentId: incident.id, answer: 'DECLINED', note: data.note ?? null },
    },
  ]);
  // Called ahead, and they will not see the candidate at all: the interview is not happening.
  if (interview.status === 'SCHEDULED') await transitionInterviewStatus(tx, incident.userId, interview, 'MISSED');
  await syncIncidentReminders(tx, incident.userId, incident.id);
  return { answer: 'DECLINED', state, thankYouMessageId: thankYou.id };
}

async function recordNoResponse(
  tx: Tx,
  incident: LockedIncident,
  data: RecordOutcomeValues,
): Promise<RecordOutcomeResult> {
  // Refuses an answer outside the outcome step; inside it, waiting changes nothing.
  const state = await advanceIncident(tx, incident, { type: 'OUTCOME_RECORDED', answer: 'NO_RESPONSE' });
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: incident.interviewId,
      type: 'OUTCOME_RECORDED',
      summary: 'No answer yet.',
      details: { incidentId: incident.id, answer: 'NO_RESPONSE', note: data.note ?? null },
    },
  ]);
  const followUp = await loadFollowUpAdvice(tx, { ...incident, recoveryState: state });
  return { answer: 'NO_RESPONSE', state, followUp };
}

import 'server-only';
import { EMPLOYER_NO_SHOW_REASON } from '@/lib/domain/interview-time-changes';
import { type NoShowOutcome, type RecoveryState } from '@/lib/domain/recovery-state';
import { formatWithZone } from '@/lib/domain/time';
import { getDb, type Tx } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { type RecordNoShowOutcomeValues } from '@/lib/validation/no-show';
import { advanceIncident } from './advance-incident';
import { buildMessageFacts, createDraft } from './drafts';
import { type LockedIncident, loadIncidentForUpdate } from './incident-access';
import { recordJoinedLate, recordWaitDone } from './no-show-joined-late';
import { answerLatestRequest, settlePendingRequests } from './reschedule-request';
import { interviewFactsSelect } from '@/lib/server/interviews/interview-select';
import { moveApplication } from '@/lib/server/applications/move-application';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { rescheduleByEmployer } from '@/lib/server/interviews/reschedule-by-employer';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';
import { syncIncidentReminders } from '@/lib/server/reminders/sync-incident-reminders';

export type RecordNoShowOutcomeResult = { state: RecoveryState; newInterviewId: string | null };

const NOT_A_NO_SHOW = 'This outcome belongs to a no-show by the employer.';

/**
 * How the employer's no-show ended, in one transaction, from the wait or the outcome step:
 * - they joined late: the interview completed (see recordJoinedLate);
 * - they rescheduled: the new time through the employer-reschedule path (a new interview, the
 *   time change put down to their no-show, its reminders), then the second chance's preparation;
 * - no answer: a pending request from now, so the follow-up nudge comes one business day later
 *   in the employer's zone;
 * - the candidate withdraws: the interview is withdrawn and the application moves to the
 *   Withdrawn stage, on to the optional lesson.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError for
 * an incident of another kind, an outcome out of order (the state machine's message) or a new
 * time in the past.
 */
export async function recordNoShowOutcome(
  userId: string,
  data: RecordNoShowOutcomeValues,
  now = new Date(),
): Promise<RecordNoShowOutcomeResult> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    if (incident.kind !== 'EMPLOYER_NO_SHOW') throw new ValidationError(NOT_A_NO_SHOW);
    switch (data.outcome) {
      case 'JOINED_LATE':
        return { state: await recordJoinedLate(tx, incident), newInterviewId: null };
      case 'RESCHEDULED':
        return recordRescheduled(tx, incident, data, now);
      case 'NO_RESPONSE':
        return { state: await recordNoAnswer(tx, incident, data, now), newInterviewId: null };
      case 'WITHDRAWN':
        return { state: await recordWithdrawn(tx, incident, data, now), newInterviewId: null };
    }
  });
}

/** Moves the incident for a no-show outcome; from the wait, the wait's own row is written too. */
async function advanceToOutcome(tx: Tx, incident: LockedIncident, outcome: NoShowOutcome, recorded: boolean) {
  const waited = incident.recoveryState === 'WAIT';
  const state = await advanceIncident(
    tx,
    incident,
    { type: 'NO_SHOW_OUTCOME', outcome },
    {
      // No answer keeps the outcome step open; the others complete it.
      completes: outcome === 'NO_RESPONSE' ? null : 'OUTCOME',
      ...(recorded ? { data: { outcome } } : {}),
    },
  );
  if (waited) await recordWaitDone(tx, incident);
  return state;
}

async function recordRescheduled(
  tx: Tx,
  incident: LockedIncident,
  data: RecordNoShowOutcomeValues,
  now: Date,
): Promise<RecordNoShowOutcomeResult> {
  const state = await advanceToOutcome(tx, incident, 'RESCHEDULED', true);
  const moved = await rescheduleByEmployer(
    incident.userId,
    incident.interviewId,
    data.date ?? '',
    data.time ?? '',
    now,
    {
      tx,
      reasonCategory: EMPLOYER_NO_SHOW_REASON,
    },
  );
  await answerLatestRequest(tx, incident, { status: 'ACCEPTED', note: data.note, newInterviewId: moved.id });
  await settlePendingRequests(tx, incident, 'RESCHEDULED');
  const replacement = await tx.interview.findFirstOrThrow({
    where: { id: moved.id, userId: incident.userId },
    select: interviewFactsSelect,
  });
  // The second chance is prepared like any round; the note says nothing of their miss.
  await createDraft(tx, {
    userId: incident.userId,
    incidentId: incident.id,
    interviewId: replacement.id,
    kind: 'PREP_NOTE',
    facts: buildMessageFacts({
      interview: replacement,
      incident,
      candidateName: incident.user.name,
      extra: { newStart: replacement.scheduledStart },
    }),
    contactsFrom: replacement,
  });
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: incident.interviewId,
      type: 'OUTCOME_RECORDED',
      summary: `They did not show up and rescheduled: new interview on ${formatWithZone(replacement.scheduledStart, replacement.timeZone)}.`,
      details: {
        incidentId: incident.id,
        outcome: 'RESCHEDULED',
        newInterviewId: replacement.id,
        note: data.note ?? null,
      },
    },
  ]);
  await syncIncidentReminders(tx, incident.userId, incident.id);
  return { state, newInterviewId: replacement.id };
}

async function recordNoAnswer(
  tx: Tx,
  incident: LockedIncident,
  data: RecordNoShowOutcomeValues,
  now: Date,
): Promise<RecoveryState> {
  const pending = await tx.rescheduleRequest.findFirst({
    where: { incidentId: incident.id, userId: incident.userId, status: 'PENDING' },
    select: { id: true },
  });
  // The wait for an answer starts now; a second "no answer yet" keeps the first clock.
  if (!pending) {
    await tx.rescheduleRequest.create({
      data: { userId: incident.userId, incidentId: incident.id, channel: 'EMAIL', status: 'PENDING', askedAt: now },
    });
  }
  const state = await advanceToOutcome(tx, incident, 'NO_RESPONSE', false);
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: incident.interviewId,
      type: 'OUTCOME_RECORDED',
      summary: 'They did not show up and have not answered yet.',
      details: { incidentId: incident.id, outcome: 'NO_RESPONSE', note: data.note ?? null },
    },
  ]);
  await syncIncidentReminders(tx, incident.userId, incident.id, now);
  return state;
}

async function recordWithdrawn(
  tx: Tx,
  incident: LockedIncident,
  data: RecordNoShowOutcomeValues,
  now: Date,
): Promise<RecoveryState> {
  const state = await advanceToOutcome(tx, incident, 'WITHDRAWN', true);
  await settlePendingRequests(tx, incident, 'WITHDRAWN');
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: incident.interviewId,
      type: 'OUTCOME_RECORDED',
      summary: 'They did not show up; you withdrew.',
      details: { incidentId: incident.id, outcome: 'WITHDRAWN', note: data.note ?? null },
    },
  ]);
  await transitionInterviewStatus(tx, incident.userId, incident.interview, 'WITHDRAWN');
  await moveToWithdrawn(tx, incident, now);
  return state;
}

/**
 * Withdrawing after their no-show is withdrawing the candidacy: the application moves to the
 * user's Withdrawn stage (whatever they renamed it to) with the reason on its timeline. A user
 * who removed that stage keeps the application where it is; the interview is withdrawn either way.
 */
async function moveToWithdrawn(tx: Tx, incident: LockedIncident, now: Date): Promise<void> {
  const stage = await tx.applicationStage.findFirst({
    where: { userId: incident.userId, systemKey: 'WITHDRAWN' },
    select: { id: true },
  });
  if (!stage) return;
  await moveApplication(incident.userId, incident.interview.applicationId, stage.id, {
    tx,
    cause: 'USER',
    closeReason: 'WITHDRAWN',
    note: 'Withdrew after they did not show up.',
    now,
  });
}

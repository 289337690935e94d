import 'server-only';
import type { Tx } from '@/lib/db';
import { formatInterviewTime } from '@/lib/domain/message-templates';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { ValidationError } from '@/lib/errors';
import { readLocalStart } from '@/lib/validation/recovery';
import { advanceIncident } from './advance-incident';
import { buildMessageFacts, createDraft } from './drafts';
import { carryCalendarEntry } from '@/lib/server/interviews/carry-calendar-entry';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { recordTimeChange } from '@/lib/server/interviews/record-time-change';
import { type FactsInterview, interviewFactsSelect } from '@/lib/server/interviews/interview-select';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';
import { type LockedIncident } from './incident-access';
import { answerLatestRequest, settlePendingRequests } from './reschedule-request';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';
import { syncIncidentReminders } from '@/lib/server/reminders/sync-incident-reminders';

export type AcceptedOutcome = {
  answer: 'ACCEPTED';
  state: RecoveryState;
  newInterviewId: string;
  thankYouMessageId: string;
  prepNoteId: string;
};

const SECOND_CHANCE_REASON = 'a new time agreed after a missed interview';
const PAST_TIME = 'The new time is in the past. Check the date, the time and the time zone.';

/**
 * They agreed: the new slot becomes a new interview linked to the missed one, the old one is
 * marked rescheduled, the request is answered, a thank-you and the prep note are drafted, and the
 * incident moves on to PREP. Runs inside the caller's transaction.
 */
export async function acceptReschedule(
  tx: Tx,
  incident: LockedIncident,
  answer: { newStartLocal?: string; timeZone?: string; note?: string },
): Promise<AcceptedOutcome> {
  const newStart = readLocalStart(answer.newStartLocal, answer.timeZone);
  // The schema checked this as well, but a slow form can be submitted after its time has passed.
  if (!newStart || !answer.timeZone || newStart.getTime() <= Date.now()) {
    throw new ValidationError(PAST_TIME, { newStartLocal: PAST_TIME });
  }
  const state = await advanceIncident(
    tx,
    incident,
    { type: 'OUTCOME_RECORDED', answer: 'ACCEPTED' },
    { data: { outcome: 'RESCHEDULED' } },
  );
  const original = incident.interview;
  const replacement = await createReplacement(tx, incident.userId, original, newStart, answer.timeZone);
  await recordTimeChange(tx, {
    userId: incident.userId,
    interviewId: replacement.id,
    requestedBy: 'EMPLOYER',
    reasonCategory: 'EMPLOYER_REQUEST',
    reason: SECOND_CHANCE_REASON,
    from: original,
    to: replacement,
  });
  await answerLatestRequest(tx, incident, { status: 'ACCEPTED', note: answer.note, newInterviewId: replacement.id });
  await settlePendingRequests(tx, incident, 'RESCHEDULED');

  const drafts = await draftSecondChanceMessages(tx, incident, replacement);
  const when = formatInterviewTime(newStart, answer.timeZone);
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: original.id,
      type: 'OUTCOME_RECORDED',
      summary: `They agreed to reschedule: new interview on ${when}.`,
      details: {
        incidentId: incident.id,
        answer: 'ACCEPTED',
        newInterviewId: replacement.id,
        note: answer.note ?? null,
      },
    },
  ]);
  await transitionInterviewStatus(tx, incident.userId, original, 'RESCHEDULED', { newInterviewId: replacement.id });
  await carryCalendarEntry(tx, incident.userId, original.id, replacement.id);
  await recordActivity(tx, [
    {
      userId: incident.userId,
      interviewId: replacement.id,
      type: 'CREATED',
      // This timeline belongs to the new interview: it starts afresh, without looking back.
      summary: `Scheduled for ${when}: a new time agreed with the employer.`,
      details: { incidentId: incident.id, rescheduledFromId: original.id },
    },
  ]);
  await syncInterviewReminders(tx, incident.userId, replacement.id);
  await syncIncidentReminders(tx, incident.userId, incident.id);
  return { answer: 'ACCEPTED', state, newInterviewId: replacement.id, ...drafts };
}

/** The new slot, in the same application as the interview it replaces. */
function createReplacement(
  tx: Tx,
  userId: string,
  original: LockedIncident['interview'],
  scheduledStart: Date,
  timeZone: string,
) {
  const { id: _id, status: _status, ...copied } = original;
  return tx.interview.create({
    data: { ...copied, userId, scheduledStart, timeZone, rescheduledFromId: original.id },
    select: interviewFactsSelect,
  });
}

async function draftSecondChanceMessages(tx: Tx, incident: LockedIncident, replacement: FactsInterview) {
  const newStart = replacement.scheduledStart;
  const base = { userId: incident.userId, incidentId: incident.id, contactsFrom: replacement };
  // The thank-you belongs to the recovery thread on the missed interview; the prep note to the new one.
  const thankYou = await createDraft(tx, {
    ...base,
    interviewId: incident.interviewId,
    kind: 'THANK_YOU_ACCEPTED',
    facts: buildMessageFacts({
      interview: incident.interview,
      incident,
      candidateName: incident.user.name,
      extra: { newStart, timeZone: replacement.timeZone },
    }),
  });
  const prepNote = await createDraft(tx, {
    ...base,
    interviewId: replacement.id,
    kind: 'PREP_NOTE',
    facts: buildMessageFacts({
      interview: replacement,
      incident,
      candidateName: incident.user.name,
      extra: { newStart },
    }),
  });
  return { thankYouMessageId: thankYou.id, prepNoteId: prepNote.id };
}

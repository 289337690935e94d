import 'server-only';
import { assertTransition } from '@/lib/domain/interview-status';
import { getDb, type Tx } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { type StartRecoveryValues } from '@/lib/validation/recovery';
import { buildMessageFacts, createDraft } from './drafts';
import { applyDomainRule, isUniqueViolation } from './guards';
import { lockInterview } from '@/lib/server/interviews/lock-interview';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { type FactsInterview, interviewFactsSelect } from '@/lib/server/interviews/interview-select';
import { transitionInterviewStatus } from '@/lib/server/interviews/transition-interview-status';

export type StartRecoveryResult = { incidentId: string; created: boolean };

const REUSED_KEY = 'This form was already submitted for something else. Reload the page and try again.';

/**
 * Opens the recovery for a missed interview ("mark as missed") or for one the user will be late
 * to ("running late"). A repeated submission, whether by idempotency key or because the
 * interview already has an open incident, answers with the existing incident and writes nothing.
 *
 * Throws NotFoundError for an interview that is missing or not the user's, and ValidationError
 * for an interview whose status does not allow it or an idempotency key used for another one.
 */
export async function startRecovery(userId: string, data: StartRecoveryValues): Promise<StartRecoveryResult> {
  const db = getDb();
  try {
    return await db.$transaction((tx) => openIncident(tx, userId, data));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The interview lock orders submissions for one interview, so this only happens when the key
    // was already used elsewhere; the user's own earlier incident is the answer if there is one.
    const existing = await db.missedIncident.findFirst({
      where: { userId, idempotencyKey: data.idempotencyKey },
      select: { id: true, interviewId: true },
    });
    if (!existing || existing.interviewId !== data.interviewId) throw new ValidationError(REUSED_KEY);
    return { incidentId: existing.id, created: false };
  }
}

async function openIncident(tx: Tx, userId: string, data: StartRecoveryValues): Promise<StartRecoveryResult> {
  await lockInterview(tx, userId, data.interviewId);
  const interview = await tx.interview.findFirstOrThrow({
    where: { id: data.interviewId, userId },
    select: {
      ...interviewFactsSelect,
      user: { select: { name: true } },
      incidents: { where: { closedAt: null }, orderBy: { recordedAt: 'desc' }, take: 1, select: { id: true } },
    },
  });
  const repeated = await tx.missedIncident.findFirst({
    where: { userId, idempotencyKey: data.idempotencyKey },
    select: { id: true, interviewId: true },
  });
  if (repeated) {
    if (repeated.interviewId !== data.interviewId) throw new ValidationError(REUSED_KEY);
    return { incidentId: repeated.id, created: false };
  }
  // One open recovery per interview: a second "mark missed" from another tab joins the first.
  const open = interview.incidents[0];
  if (open) return { incidentId: open.id, created: false };

  if (data.kind === 'MISSED') applyDomainRule(() => assertTransition(interview.status, 'MISSED'));
  else assertCanRunLate(interview);
  const incidentId = await createIncident(tx, userId, data, interview);
  return { incidentId, created: true };
}

/** The incident, the status change, the first two drafts and the timeline entries. */
async function createIncident(
  tx: Tx,
  userId: string,
  data: StartRecoveryValues,
  interview: FactsInterview & { user: { name: string } },
) {
  const incident = await tx.missedIncident.create({
    data: {
      userId,
      interviewId: interview.id,
      kind: data.kind,
      reason: data.reason,
      explanation: data.explanation ?? null,
      employerWarned: data.employerWarned,
      idempotencyKey: data.idempotencyKey,
    },
    select: { id: true, kind: true, reason: true, explanation: true, employerWarned: true },
  });
  const facts = buildMessageFacts({ interview, incident, candidateName: interview.user.name });
  for (const kind of ['CALL_SCRIPT', 'APOLOGY'] as const) {
    await createDraft(tx, {
      userId,
      incidentId: incident.id,
      interviewId: interview.id,
      kind,
      facts,
      contactsFrom: interview,
    });
  }
  await recordActivity(tx, [
    {
      userId,
      interviewId: interview.id,
      type: 'INCIDENT_OPENED',
      summary: data.kind === 'MISSED' ? 'Marked as missed; recovery started.' : 'Running late; recovery started.',
      details: { incidentId: incident.id, kind: data.kind, reason: data.reason, employerWarned: data.employerWarned },
    },
  ]);
  // Running late leaves the status alone: the interview may still happen.
  if (data.kind === 'MISSED' && interview.status !== 'MISSED')
    await transitionInterviewStatus(tx, userId, interview, 'MISSED');
  return incident.id;
}

/** Running late only makes sense before the interview is over; afterwards it was missed. */
function assertCanRunLate(interview: FactsInterview): void {
  if (interview.status !== 'SCHEDULED') {
    throw new ValidationError('Only a scheduled interview can be marked as running late.');
  }
  const endsAt = interview.scheduledStart.getTime() + interview.durationMinutes * 60_000;
  if (endsAt <= Date.now()) {
    throw new ValidationError('This interview is already over. Mark it as missed instead.');
  }
}

import 'server-only';
import { isNoShowOffered, noShowOfferedFrom } from '@/lib/domain/employer-no-show';
import { formatWithZone } from '@/lib/domain/time';
import { getDb, type Tx } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { type StartNoShowValues } from '@/lib/validation/no-show';
import { buildMessageFacts, createDraft } from './drafts';
import { isUniqueViolation } from './guards';
import { lockInterview } from '@/lib/server/interviews/lock-interview';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { interviewFactsSelect } from '@/lib/server/interviews/interview-select';

export type StartNoShowResult = { incidentId: string; created: boolean };

const REUSED_KEY = 'This form was already submitted for something else. Reload the page and try again.';

/**
 * Opens the employer's no-show for an interview that started at least five minutes ago and is
 * still scheduled: the incident at its first step (the candidate's own checks) and the note to
 * the contact, drafted for the wait. The interview keeps its status: they may still join.
 *
 * Idempotent like startRecovery: the interview row is locked, so a double click or a second tab
 * answers with the incident the first one opened (by idempotency key or as the open incident).
 *
 * Throws NotFoundError for an interview that is missing or not the user's, and ValidationError
 * for one that is not scheduled, has not started five minutes ago, or a key used for another one.
 */
export async function startNoShow(
  userId: string,
  data: StartNoShowValues,
  now = new Date(),
): Promise<StartNoShowResult> {
  const db = getDb();
  try {
    return await db.$transaction((tx) => openNoShow(tx, userId, data, now));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.missedIncident.findFirst({
      where: { userId, idempotencyKey: data.idempotencyKey },
      select: { id: true, interviewId: true },
    });
    if (!existing || existing.interviewId !== data.interviewId) throw new ValidationError(REUSED_KEY);
    return { incidentId: existing.id, created: false };
  }
}

async function openNoShow(tx: Tx, userId: string, data: StartNoShowValues, now: Date): Promise<StartNoShowResult> {
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
  const open = interview.incidents[0];
  if (open) return { incidentId: open.id, created: false };

  if (!isNoShowOffered({ ...interview, hasOpenIncident: false }, now)) {
    throw new ValidationError(
      interview.status !== 'SCHEDULED'
        ? 'Only a scheduled interview can be marked as a no-show by the employer.'
        : `Give them a few minutes: this can be recorded from ${formatWithZone(noShowOfferedFrom(interview.scheduledStart), interview.timeZone)}.`,
    );
  }

  const incident = await tx.missedIncident.create({
    data: {
      userId,
      interviewId: interview.id,
      kind: 'EMPLOYER_NO_SHOW',
      // Nothing the candidate did: the checks may still turn it into their own miss with a cause.
      reason: 'OTHER',
      recoveryState: 'CHECK',
      idempotencyKey: data.idempotencyKey,
    },
    select: { id: true, kind: true, reason: true, explanation: true, employerWarned: true },
  });
  await createDraft(tx, {
    userId,
    incidentId: incident.id,
    interviewId: interview.id,
    kind: 'NO_SHOW_CHECK_IN',
    facts: buildMessageFacts({ interview, incident, candidateName: interview.user.name }),
    contactsFrom: interview,
  });
  await recordActivity(tx, [
    {
      userId,
      interviewId: interview.id,
      type: 'INCIDENT_OPENED',
      summary: 'They did not show up; checking and waiting.',
      details: { incidentId: incident.id, kind: 'EMPLOYER_NO_SHOW' },
    },
  ]);
  return { incidentId: incident.id, created: true };
}

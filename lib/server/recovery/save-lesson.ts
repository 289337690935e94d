import 'server-only';
import { type IncidentOutcome, getOutcomeForAnswer } from '@/lib/domain/recovery-state';
import { getDb, type Tx } from '@/lib/db';
import { insertLesson } from '@/lib/server/lessons/insert-lesson';
import { type SaveLessonValues } from '@/lib/validation/recovery';
import { advanceIncident } from './advance-incident';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { type LockedIncident, loadIncidentForUpdate } from './incident-access';
import { settlePendingRequests } from './reschedule-request';

export type SaveLessonResult = { lessonId: string; outcome: IncidentOutcome | null };

/**
 * Keeps the lesson (root cause, what happened, prevention actions in order) and closes the
 * incident with its outcome: the one the flow recorded, else the one given, else what the last
 * reschedule request says. The caller prefills the root cause from the incident's reason.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError when
 * the lesson is not the open step (the state machine's message).
 */
export async function saveLesson(userId: string, data: SaveLessonValues): Promise<SaveLessonResult> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    const outcome = incident.outcome ?? data.outcome ?? (await readOutcomeFromRequests(tx, incident));
    await advanceIncident(tx, incident, { type: 'LESSON_SAVED' }, { data: { outcome } });
    if (outcome) await settlePendingRequests(tx, incident, outcome);
    const lesson = await insertLesson(tx, {
      userId,
      incidentId: incident.id,
      rootCause: data.rootCause,
      whatHappened: data.whatHappened,
      actionTexts: data.actions.map((action) => action.text),
      // A lesson out of the employer's no-show is about their side ("confirm the link the day before").
      ...(incident.kind === 'EMPLOYER_NO_SHOW' ? { side: 'EMPLOYER' as const } : {}),
    });
    const base = { userId, interviewId: incident.interviewId };
    await recordActivity(tx, [
      {
        ...base,
        type: 'LESSON_SAVED',
        summary: 'Lesson saved.',
        details: { incidentId: incident.id, lessonId: lesson.id },
      },
      { ...base, type: 'INCIDENT_CLOSED', summary: 'Recovery closed.', details: { incidentId: incident.id, outcome } },
    ]);
    return { lessonId: lesson.id, outcome };
  });
}

async function readOutcomeFromRequests(tx: Tx, incident: LockedIncident): Promise<IncidentOutcome | null> {
  const latest = await tx.rescheduleRequest.findFirst({
    where: { incidentId: incident.id, userId: incident.userId },
    orderBy: [{ askedAt: 'desc' }, { id: 'desc' }],
    select: { status: true },
  });
  if (!latest) return null;
  // Still pending when the lesson is written means no answer ever came.
  return getOutcomeForAnswer(latest.status === 'PENDING' ? 'NO_RESPONSE' : latest.status);
}

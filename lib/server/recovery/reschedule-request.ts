import 'server-only';
import type { Tx } from '@/lib/db';
import { type IncidentOutcome, type RescheduleStatus } from '@/lib/generated/prisma/enums';

/**
 * Records the employer's answer on the most recent request to reschedule (normally the email
 * that followed the call). A flow whose call and send steps were both skipped has no request
 * yet; one is created so every outcome has a request to show and count.
 */
export async function answerLatestRequest(
  tx: Tx,
  incident: { id: string; userId: string },
  answer: { status: RescheduleStatus; note?: string; newInterviewId?: string },
): Promise<void> {
  const latest = await tx.rescheduleRequest.findFirst({
    where: { incidentId: incident.id, userId: incident.userId },
    orderBy: [{ askedAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  const data = {
    status: answer.status,
    respondedAt: new Date(),
    // A note from the call stays unless the outcome brings its own.
    ...(answer.note ? { responseNote: answer.note } : {}),
    ...(answer.newInterviewId ? { newInterviewId: answer.newInterviewId } : {}),
  };
  if (latest) {
    await tx.rescheduleRequest.update({ where: { id: latest.id, userId: incident.userId }, data });
  } else {
    await tx.rescheduleRequest.create({
      data: { userId: incident.userId, incidentId: incident.id, channel: 'EMAIL', ...data },
    });
  }
}

// An outcome with no answer of its own (they saw the candidate late, or never replied) leaves the
// requests unanswered rather than accepted or declined.
const statusByOutcome: Record<IncidentOutcome, RescheduleStatus> = {
  RESCHEDULED: 'ACCEPTED',
  DECLINED: 'DECLINED',
  NO_RESPONSE: 'NO_RESPONSE',
  ATTENDED_LATE: 'NO_RESPONSE',
  WITHDRAWN: 'NO_RESPONSE',
};

/**
 * Ends every request still pending with the incident's outcome, in the caller's transaction:
 * the call's "they will get back to me" is answered by the outcome recorded after the email,
 * and must not stay waiting for ever. Requests already answered keep their own answer.
 */
export async function settlePendingRequests(
  tx: Tx,
  incident: { id: string; userId: string },
  outcome: IncidentOutcome,
): Promise<void> {
  await tx.rescheduleRequest.updateMany({
    where: { incidentId: incident.id, userId: incident.userId, status: 'PENDING' },
    data: { status: statusByOutcome[outcome], respondedAt: new Date() },
  });
}

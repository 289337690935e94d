import 'server-only';
import { type RescheduleStatus } from '@/lib/generated/prisma/enums';
import { type Tx } from './incident-access';

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
    await tx.rescheduleRequest.create({ data: { userId: incident.userId, incidentId: incident.id, channel: 'EMAIL', ...data } });
  }
}

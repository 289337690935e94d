import 'server-only';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { getDb } from '@/lib/db';
import { type RescheduleStatus } from '@/lib/generated/prisma/enums';
import type { CallResponse } from '@/lib/domain/recovery-labels';
import { type RecordCallValues } from '@/lib/validation/recovery';
import { advanceIncident } from './advance-incident';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { loadIncidentForUpdate } from './incident-access';
import { syncIncidentReminders } from '@/lib/server/reminders/sync-incident-reminders';

// What was said on the phone is the employer's answer as far as the call goes; the outcome step
// later records the answer to the whole request (usually after the email).
const statusByResponse: Record<CallResponse, RescheduleStatus> = {
  AGREED: 'ACCEPTED',
  REFUSED: 'DECLINED',
  WILL_GET_BACK: 'PENDING',
  NONE: 'PENDING',
};

const callSummaries = {
  REACHED: 'Called the employer and spoke to them.',
  VOICEMAIL: 'Called the employer and left a voicemail.',
  NO_ANSWER: 'Called the employer; nobody answered.',
} as const;

/**
 * Records the call step (CALL → APOLOGY). Reaching someone or leaving a voicemail is a request to
 * reschedule made by phone, so it is stored as a RescheduleRequest with the call's result and,
 * when someone answered, what they said (kept apart from the status, which the outcome settles).
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError when
 * the call is not the open step (the state machine's message).
 */
export async function recordCall(userId: string, data: RecordCallValues): Promise<{ state: RecoveryState }> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    const state = await advanceIncident(tx, incident, { type: 'CALL_MADE' });
    if (data.result !== 'NO_ANSWER') {
      const status = statusByResponse[data.response];
      await tx.rescheduleRequest.create({
        data: {
          userId,
          incidentId: incident.id,
          channel: 'CALL',
          callResult: data.result,
          callResponse: data.result === 'REACHED' ? data.response : null,
          status,
          respondedAt: status === 'PENDING' ? null : new Date(),
          responseNote: data.note ?? null,
        },
      });
    }
    await syncIncidentReminders(tx, userId, incident.id);
    await recordActivity(tx, [
      {
        userId,
        interviewId: incident.interviewId,
        type: 'CALL_RECORDED',
        summary: callSummaries[data.result],
        details: { incidentId: incident.id, result: data.result, response: data.response, note: data.note ?? null },
      },
    ]);
    return { state };
  });
}

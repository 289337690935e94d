import 'server-only';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { formatInterviewTime } from '@/lib/domain/message-templates';
import { type IncidentRefValues } from '@/lib/validation/recovery';
import { buildMessageFacts, createDraft } from './drafts';
import { loadFollowUpAdvice } from './follow-up-advice';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { loadIncidentForUpdate } from './incident-access';

export type DraftFollowUpResult = { messageId: string; created: boolean };

/**
 * Drafts the one polite follow-up once three business days have passed without an answer. An
 * unsent follow-up draft is reused rather than duplicated.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError when
 * the follow-up is not due yet, there is no unanswered request, or a follow-up was already sent
 * (the domain's advice against pressing a second time).
 */
export async function draftFollowUp(userId: string, data: IncidentRefValues): Promise<DraftFollowUpResult> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    const advice = await loadFollowUpAdvice(tx, incident);
    if (advice.status === 'DISCOURAGED') throw new ValidationError(advice.message);
    if (advice.status === 'NOT_WAITING') {
      throw new ValidationError('There is no unanswered request to follow up on.');
    }
    if (advice.status === 'WAITING') {
      const when = formatInterviewTime(advice.dueAt, incident.interview.timeZone);
      throw new ValidationError(`Give them time to answer: a follow-up makes sense from ${when}.`);
    }
    const unsent = await tx.message.findFirst({
      where: { userId, incidentId: incident.id, kind: 'FOLLOW_UP', status: { in: ['DRAFT', 'FAILED'] } },
      select: { id: true },
    });
    if (unsent) return { messageId: unsent.id, created: false };
    const draft = await createDraft(tx, {
      userId,
      incidentId: incident.id,
      interviewId: incident.interviewId,
      kind: 'FOLLOW_UP',
      facts: buildMessageFacts({ interview: incident.interview, incident, candidateName: incident.user.name }),
      contactsFrom: incident.interview,
    });
    await recordActivity(tx, [
      {
        userId,
        interviewId: incident.interviewId,
        type: 'MESSAGE_DRAFTED',
        summary: 'Follow-up drafted after three business days without an answer.',
        details: { incidentId: incident.id, messageId: draft.id },
      },
    ]);
    return { messageId: draft.id, created: true };
  });
}

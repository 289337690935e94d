import 'server-only';
import type { Formatter } from '@/components/recovery/format';
import type { EditableMessage, FollowUpView, RecoveryMessage, RecoveryView } from '@/components/recovery/types';
import type { MessageKind } from '@/lib/generated/prisma/enums';
import { buildMailtoLink } from '@/lib/domain/mailto';
import { formatInZone } from '@/lib/domain/time';
import type { Recovery } from '@/lib/server/recovery/get-recovery';

/** A message as the client editors get it: dates formatted here, the mailto link for an outbox draft. */
function toEditable(message: RecoveryMessage, format: Formatter): EditableMessage {
  const { recipient, subject, body } = message;
  const isOutboxDraft = message.status === 'DRAFT' && message.delivery === 'MANUAL' && Boolean(recipient && subject);
  return {
    id: message.id,
    kind: message.kind,
    recipient,
    subject,
    body,
    status: message.status,
    delivery: message.delivery,
    failureReason: message.failureReason,
    sentLabel: message.sentAt ? format(message.sentAt) : null,
    mailto: isOutboxDraft && recipient && subject ? buildMailtoLink({ recipient, subject, body }) : null,
  };
}

function findLatest(messages: RecoveryMessage[], kinds: readonly MessageKind[]): RecoveryMessage | null {
  return messages.findLast((message) => kinds.includes(message.kind)) ?? null;
}

/**
 * What the step panels need, picked from the recovery once: the letter the flow sends (the first
 * apology, as the server's approve step reads it), the script, the later drafts and the advice
 * with its dates formatted in the interview's zone.
 */
export function buildRecoveryView(recovery: Recovery, format: Formatter): RecoveryView {
  const { messages, interview, followUp } = recovery;
  const editable = (message: RecoveryMessage | null) => (message ? toEditable(message, format) : null);
  const flowMessage = messages.find((message) => message.kind === 'APOLOGY' || message.kind === 'RESCHEDULE_REQUEST') ?? null;
  const followUpView: FollowUpView =
    followUp.status === 'WAITING'
      ? { status: 'WAITING', dueLabel: formatInZone(followUp.dueAt, interview.timeZone) }
      : followUp.status === 'NOT_WAITING'
        ? { status: 'NOT_WAITING' }
        : { status: followUp.status, message: followUp.message };
  const unsentFollowUp = messages.findLast((message) => message.kind === 'FOLLOW_UP' && message.status !== 'SENT') ?? null;
  return {
    flowMessage: editable(flowMessage),
    callScript: findLatest(messages, ['CALL_SCRIPT'])?.body ?? null,
    prepNote: findLatest(messages, ['PREP_NOTE'])?.body ?? null,
    followUp: followUpView,
    followUpDraft: editable(unsentFollowUp),
    thankYouAccepted: editable(findLatest(messages, ['THANK_YOU_ACCEPTED'])),
    thankYouDeclined: editable(findLatest(messages, ['THANK_YOU_DECLINED'])),
  };
}

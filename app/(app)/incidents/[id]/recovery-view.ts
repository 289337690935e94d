import 'server-only';
import type { Formatter } from '@/components/recovery/format';
import type { EditableMessage, FollowUpView, RecoveryMessage, RecoveryView } from '@/components/recovery/types';
import { describeStepRecord, type StepRecordView } from '@/components/recovery/step-record';
import type { MessageKind } from '@/lib/generated/prisma/enums';
import type { RecoveryState } from '@/lib/domain/recovery-state';
import { buildMailtoLink } from '@/lib/domain/mailto';
import { formatWithZone } from '@/lib/domain/time';
import type { Recovery } from '@/lib/domain/recovery-view';

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
    isDismissed: message.dismissedAt !== null,
    mailto: isOutboxDraft && recipient && subject ? buildMailtoLink({ recipient, subject, body }) : null,
  };
}

function findLatest(messages: RecoveryMessage[], kinds: readonly MessageKind[]): RecoveryMessage | null {
  return messages.findLast((message) => kinds.includes(message.kind)) ?? null;
}

/** The letter the flow sends: the first apology, as the server's approve step reads it. */
function findFlowMessage(messages: RecoveryMessage[]): RecoveryMessage | null {
  return messages.find((message) => message.kind === 'APOLOGY' || message.kind === 'RESCHEDULE_REQUEST') ?? null;
}

/** The finished steps' one-line records, each step's messages with every version. */
export function buildStepRecords(
  recovery: Recovery,
  format: Formatter,
): Partial<Record<RecoveryState, StepRecordView>> {
  const { messages } = recovery;
  const input = {
    recovery,
    flowMessage: findFlowMessage(messages),
    callScript: findLatest(messages, ['CALL_SCRIPT']),
    prepNote: findLatest(messages, ['PREP_NOTE']),
    format,
  };
  const done = recovery.stepper.filter((item) => item.status === 'done');
  return Object.fromEntries(done.map((item) => [item.step, describeStepRecord(item.step, input)]));
}

/**
 * What the step panels need, picked from the recovery once: the letter the flow sends, the
 * script, the later drafts, the messages left for the history and the advice with its dates
 * formatted in the interview's zone.
 */
// The note is worked on under the wait; before and after, the history lists it.
function isNoShowWaiting(recovery: Recovery): boolean {
  return recovery.incident.kind === 'EMPLOYER_NO_SHOW' && recovery.incident.recoveryState === 'WAIT';
}

export function buildRecoveryView(recovery: Recovery, format: Formatter): RecoveryView {
  const { messages, interview, followUp } = recovery;
  const editable = (message: RecoveryMessage | null) => (message ? toEditable(message, format) : null);
  const flowMessage = findFlowMessage(messages);
  const followUpView: FollowUpView =
    followUp.status === 'WAITING'
      ? { status: 'WAITING', dueLabel: formatWithZone(followUp.dueAt, interview.timeZone) }
      : followUp.status === 'NOT_WAITING'
        ? { status: 'NOT_WAITING' }
        : { status: followUp.status, message: followUp.message };
  const unsentFollowUp =
    messages.findLast((message) => message.kind === 'FOLLOW_UP' && message.status !== 'SENT') ?? null;
  const thankYous = [findLatest(messages, ['THANK_YOU_ACCEPTED']), findLatest(messages, ['THANK_YOU_DECLINED'])];
  const unsentThankYous = thankYous.filter((message): message is RecoveryMessage =>
    Boolean(message && message.status !== 'SENT' && !message.dismissedAt),
  );
  // Shown elsewhere on the page: the letter and the scripts under their steps, the drafts still
  // to send in their own panels (the follow-up only while the answer is awaited).
  const noShowNote = isNoShowWaiting(recovery) ? findLatest(messages, ['NO_SHOW_CHECK_IN']) : null;
  const shownIds = new Set([
    noShowNote?.id,
    flowMessage?.id,
    ...unsentThankYous.map((message) => message.id),
    recovery.incident.recoveryState === 'OUTCOME' ? unsentFollowUp?.id : undefined,
  ]);
  const otherMessages = messages.filter(
    (message) => !shownIds.has(message.id) && message.kind !== 'CALL_SCRIPT' && message.kind !== 'PREP_NOTE',
  );
  return {
    flowMessage: editable(flowMessage),
    callScript: findLatest(messages, ['CALL_SCRIPT'])?.body ?? null,
    prepNote: findLatest(messages, ['PREP_NOTE'])?.body ?? null,
    unsentThankYous: unsentThankYous.map((message) => toEditable(message, format)),
    otherMessages,
    followUp: followUpView,
    followUpDraft: editable(unsentFollowUp),
    thankYouAccepted: editable(thankYous[0] ?? null),
    thankYouDeclined: editable(thankYous[1] ?? null),
    noShowNote: editable(noShowNote),
  };
}

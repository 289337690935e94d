import 'server-only';
import type { Tx } from '@/lib/db';
import { assertStep } from '@/lib/domain/recovery-state';
import { type Prisma } from '@/lib/generated/prisma/client';
import { type MessageDelivery } from '@/lib/generated/prisma/enums';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { advanceIncident } from './advance-incident';
import { FLOW_MESSAGE_KINDS } from './drafts';
import { applyDomainRule } from './guards';
import { type ActivityEventInput, recordActivity } from '@/lib/server/interviews/record-activity';
import { loadIncidentForUpdate } from './incident-access';
import { syncIncidentReminders } from '@/lib/server/reminders/sync-incident-reminders';

const sendableMessageSelect = {
  id: true,
  userId: true,
  kind: true,
  channel: true,
  status: true,
  delivery: true,
  sentAt: true,
  idempotencyKey: true,
  updatedAt: true,
  interviewId: true,
  incident: { select: { id: true, userId: true, kind: true, recoveryState: true } },
  user: { select: { email: true } },
} satisfies Prisma.MessageSelect;

export type SendableMessage = Prisma.MessageGetPayload<{ select: typeof sendableMessageSelect }>;

type Reader = Pick<Tx, 'message'>;

export async function findSendableMessage(db: Reader, userId: string, messageId: string): Promise<SendableMessage> {
  const message = await db.message.findFirst({ where: { id: messageId, userId }, select: sendableMessageSelect });
  if (!message) throw new NotFoundError('message');
  return message;
}

function isFlowMessage(message: SendableMessage): boolean {
  return FLOW_MESSAGE_KINDS.includes(message.kind) && message.incident !== null;
}

/**
 * Refuses what must not be sent: anything but an email, and the apology while its step is not
 * the open one (calling first, say), with the state machine's message.
 */
export function assertReadyToSend(message: SendableMessage): void {
  if (message.channel !== 'EMAIL') {
    throw new ValidationError('Only email messages can be sent from here; call scripts and notes are for you.');
  }
  if (isFlowMessage(message) && message.incident) {
    const state = message.incident.recoveryState;
    applyDomainRule(() => assertStep(state, 'SEND'));
  }
}

/**
 * Records a message as sent in the caller's transaction. Sending the apology is the flow's send
 * step: it moves the incident SEND → OUTCOME and opens a pending reschedule request by email.
 * The message row must already be SENT or about to be made so by the caller's conditional update.
 */
export async function recordMessageSent(
  tx: Tx,
  message: SendableMessage,
  sent: { delivery: MessageDelivery; sentAt: Date },
): Promise<void> {
  const events: ActivityEventInput[] = [];
  if (message.interviewId) {
    events.push({
      userId: message.userId,
      interviewId: message.interviewId,
      type: 'MESSAGE_SENT',
      summary: sent.delivery === 'SMTP' ? 'Email sent.' : 'Email sent by you from your own mail.',
      details: { messageId: message.id, kind: message.kind, delivery: sent.delivery },
    });
  }
  // Read again under lock: a step skipped in another tab while the mail was on its way leaves
  // the state alone, and the message still counts as sent.
  const incident =
    isFlowMessage(message) && message.incident
      ? await loadIncidentForUpdate(tx, message.userId, message.incident.id)
      : null;
  if (incident?.recoveryState === 'SEND') {
    await advanceIncident(tx, incident, { type: 'MESSAGE_SENT' });
    await tx.rescheduleRequest.create({
      data: {
        userId: message.userId,
        incidentId: incident.id,
        channel: 'EMAIL',
        status: 'PENDING',
        askedAt: sent.sentAt,
      },
    });
    if (message.interviewId) {
      events.push({
        userId: message.userId,
        interviewId: message.interviewId,
        type: 'RESCHEDULE_REQUESTED',
        summary: 'Asked to reschedule by email.',
        details: { incidentId: incident.id, messageId: message.id },
      });
    }
  }
  await recordActivity(tx, events);
  if (message.incident) await syncIncidentReminders(tx, message.userId, message.incident.id);
}

import 'server-only';
import { getDb } from '@/lib/db';
import type { ReminderKind } from '@/lib/domain/reminders';
import type { ReminderContent } from '@/lib/domain/reminders-content';
import {
  ChannelError,
  findChannelSender,
  type ChannelOutcome,
  type ExternalChannel,
} from '@/lib/server/notifications/channels';
import { ensureUnsubscribeToken } from '@/lib/server/notifications/unsubscribe';
import { getEnv } from '@/lib/env';

/**
 * A SENDING claim older than this belongs to a worker that died mid-send (pg-boss expires the
 * job after two minutes and retries it); until then a second worker leaves the delivery alone.
 */
export const STALE_CLAIM_MS = 5 * 60_000;

export type DeliveryAttempt = { deliveryId: string; retryCount: number; retryLimit: number; now?: Date };

export type DeliveryResult = 'sent' | 'skipped' | 'failed' | 'not-mine' | 'retrying';

/** Thrown to have pg-boss try the job again later (with its backoff). */
export class RetryLaterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryLaterError';
  }
}

/**
 * Sends one notification through one channel, exactly once: the delivery row is claimed
 * PENDING → SENDING by a conditional update, so of two workers holding the same job only one
 * sends. A channel failure that may pass is put back to PENDING and thrown (pg-boss retries with
 * backoff); on the last attempt, or for a failure that will not pass, the delivery and its
 * reminder are recorded as failed with the reason, which the notifications page shows.
 * A delivery whose reminder stopped being useful (a leave-by after the start) is skipped.
 */
export async function deliverNotification(attempt: DeliveryAttempt): Promise<DeliveryResult> {
  const db = getDb();
  const now = attempt.now ?? new Date();
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  const { count } = await db.notificationDelivery.updateMany({
    where: { id: attempt.deliveryId, OR: [{ state: 'PENDING' }, { state: 'SENDING', claimedAt: { lt: staleBefore } }] },
    data: { state: 'SENDING', claimedAt: now, attempts: { increment: 1 } },
  });
  if (count === 0) {
    const current = await db.notificationDelivery.findUnique({
      where: { id: attempt.deliveryId },
      select: { state: true },
    });
    // Another worker is sending it right now: look again later in case that worker dies.
    if (current?.state === 'SENDING') throw new RetryLaterError('This notification is being sent by another worker.');
    return 'not-mine';
  }
  const delivery = await db.notificationDelivery.findUniqueOrThrow({
    where: { id: attempt.deliveryId },
    select: {
      id: true,
      channel: true,
      userId: true,
      notification: {
        select: {
          id: true,
          kind: true,
          title: true,
          body: true,
          url: true,
          content: true,
          reminder: { select: { id: true, dedupeKey: true, state: true, latestUsefulAt: true } },
          user: { select: { id: true, email: true, name: true } },
        },
      },
    },
  });
  const { notification } = delivery;
  const reminder = notification.reminder;
  if (!reminder || reminder.state === 'CANCELLED' || reminder.latestUsefulAt.getTime() <= now.getTime()) {
    const reason =
      !reminder || reminder.state === 'CANCELLED'
        ? 'The interview changed before this could be sent.'
        : 'It was no longer useful by the time it could be sent.';
    await settleDelivery(delivery.id, reminder?.id ?? null, { status: 'skipped', reason }, now);
    return 'skipped';
  }
  const channel = delivery.channel as ExternalChannel;
  const sender = findChannelSender(channel);
  if (!sender) {
    await settleDelivery(
      delivery.id,
      reminder.id,
      { status: 'skipped', reason: `${channelLabel(channel)}: not set up on this server.` },
      now,
    );
    return 'skipped';
  }
  const unsubscribe = await ensureUnsubscribeToken(db, delivery.userId);
  if (channel === 'EMAIL' && unsubscribe.emailUnsubscribedAt) {
    await settleDelivery(
      delivery.id,
      reminder.id,
      { status: 'skipped', reason: 'You unsubscribed from reminder emails.' },
      now,
    );
    return 'skipped';
  }
  let outcome: ChannelOutcome;
  try {
    outcome = await sender({
      deliveryId: delivery.id,
      notificationId: notification.id,
      reminderId: reminder.id,
      kind: notification.kind as ReminderKind,
      user: notification.user,
      title: notification.title,
      body: notification.body,
      url: notification.url,
      content: notification.content as unknown as ReminderContent,
      dedupeKey: reminder.dedupeKey,
      unsubscribeUrl: `${getEnv().appUrl}/api/unsubscribe/${unsubscribe.token}`,
    });
  } catch (error) {
    return recordFailure(delivery.id, reminder.id, channel, error, attempt);
  }
  await settleDelivery(delivery.id, reminder.id, outcome, now);
  return outcome.status;
}

async function recordFailure(
  deliveryId: string,
  reminderId: string,
  channel: ExternalChannel,
  error: unknown,
  attempt: DeliveryAttempt,
): Promise<DeliveryResult> {
  const db = getDb();
  const reason =
    error instanceof ChannelError
      ? error.message
      : `${channelLabel(channel)} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
  const retryable = error instanceof ChannelError ? error.retryable : true;
  if (retryable && attempt.retryCount < attempt.retryLimit) {
    await db.notificationDelivery.updateMany({
      where: { id: deliveryId, state: 'SENDING' },
      data: { state: 'PENDING', lastError: reason, claimedAt: null },
    });
    throw new RetryLaterError(reason, { cause: error });
  }
  await db.$transaction([
    db.notificationDelivery.updateMany({
      where: { id: deliveryId, state: 'SENDING' },
      data: { state: 'FAILED', lastError: reason },
    }),
    db.reminder.updateMany({
      where: { id: reminderId },
      data: { state: 'FAILED', lastError: `${channelLabel(channel)}: ${reason}`, attempts: { increment: 1 } },
    }),
  ]);
  return 'failed';
}

async function settleDelivery(
  deliveryId: string,
  reminderId: string | null,
  outcome: ChannelOutcome,
  now: Date,
): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    await tx.notificationDelivery.updateMany({
      where: { id: deliveryId, state: 'SENDING' },
      data:
        outcome.status === 'sent'
          ? { state: 'SENT', sentAt: now, lastError: null }
          : { state: 'SKIPPED', lastError: outcome.reason },
    });
    if (!reminderId) return;
    if (outcome.status === 'sent') {
      await tx.reminder.updateMany({
        where: { id: reminderId, state: 'QUEUED' },
        data: { state: 'SENT', sentAt: now, attempts: { increment: 1 } },
      });
      return;
    }
    // Nothing went out on any channel (no in-app copy, every outside channel skipped): say why.
    const open = await tx.notificationDelivery.count({
      where: { notification: { reminderId }, state: { in: ['PENDING', 'SENDING', 'SENT'] } },
    });
    if (open === 0)
      await tx.reminder.updateMany({
        where: { id: reminderId, state: 'QUEUED' },
        data: { state: 'SKIPPED', lastError: outcome.reason },
      });
  });
}

export function channelLabel(channel: string): string {
  if (channel === 'EMAIL') return 'Email';
  if (channel === 'PUSH') return 'Push notifications';
  return channel;
}

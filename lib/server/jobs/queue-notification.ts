import 'server-only';
import type PgBoss from 'pg-boss';
import type { Tx } from '@/lib/db';
import type { ReminderChannel } from '@/lib/domain/reminders';
import type { ReminderContent } from '@/lib/domain/reminders-content';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DELIVERY_QUEUE, prismaJobDb, type DeliveryJob } from './queues';

type QueuedReminder = { id: string; userId: string; kind: string; channels: string[] };

/**
 * Hands one due reminder over, inside the dispatcher's transaction: its Notification (the in-app
 * list shows it from now on), one delivery per outside channel and a delivery job each, all
 * committed together or not at all.
 */
export async function queueNotification(
  tx: Tx,
  boss: PgBoss,
  reminder: QueuedReminder,
  content: ReminderContent,
  url: string,
  now: Date,
): Promise<void> {
  const channels = reminder.channels as ReminderChannel[];
  const outside = channels.filter((channel) => channel !== 'IN_APP');
  const notification = await tx.notification.create({
    data: {
      userId: reminder.userId,
      reminderId: reminder.id,
      kind: reminder.kind,
      title: content.push.title,
      body: content.push.body,
      url,
      content: content as unknown as Prisma.InputJsonValue,
      deliveries: { create: outside.map((channel) => ({ userId: reminder.userId, channel })) },
    },
    select: { id: true, deliveries: { select: { id: true, channel: true } } },
  });
  // The in-app list has it from now on; the outside channels report back as they finish.
  const isShownInApp = channels.includes('IN_APP');
  await tx.reminder.update({
    where: { id: reminder.id },
    data: isShownInApp || outside.length === 0 ? { state: 'SENT', sentAt: now } : { state: 'QUEUED' },
  });
  for (const delivery of notification.deliveries) {
    const job: DeliveryJob = { deliveryId: delivery.id };
    const id = await boss.send(DELIVERY_QUEUE, job, {
      singletonKey: `${reminder.id}:${delivery.channel}`,
      db: prismaJobDb(tx),
    });
    if (!id) throw new Error(`The delivery queue refused the job for reminder ${reminder.id} (${delivery.channel}).`);
  }
}

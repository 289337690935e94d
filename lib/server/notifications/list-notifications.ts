import 'server-only';
import { getDb } from '@/lib/db';

const RECENT = 50;

/** The user's recent notifications, newest first, each with how every channel fared; plus reminders that failed before reaching the list. */
export async function listNotifications(userId: string) {
  const db = getDb();
  const [notifications, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT,
      select: {
        id: true,
        kind: true,
        title: true,
        body: true,
        url: true,
        createdAt: true,
        readAt: true,
        reminder: { select: { state: true, lastError: true } },
        deliveries: {
          orderBy: { channel: 'asc' },
          select: { channel: true, state: true, attempts: true, lastError: true, sentAt: true },
        },
      },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { notifications, unread };
}

export type NotificationListItem = Awaited<ReturnType<typeof listNotifications>>['notifications'][number];

/** Marks everything in the list read (opening the page does it). */
export async function markNotificationsRead(userId: string, now: Date = new Date()): Promise<number> {
  const { count } = await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}

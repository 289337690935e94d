import 'server-only';
import { listNotifications } from '@/lib/server/notifications/list-notifications';

/** The notifications page: the latest notifications with their deliveries, and how many are unread. */
export async function loadNotificationsPage(userId: string) {
  const { notifications, unread } = await listNotifications(userId);
  return { notifications, unread };
}

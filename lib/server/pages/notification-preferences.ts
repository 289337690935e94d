import 'server-only';
import { getPreferencesForm } from '@/lib/server/notifications/preferences-form';

/** The notification preferences page: the form's values, and whether reminder emails were unsubscribed. */
export async function loadNotificationPreferencesPage(userId: string) {
  const { emailUnsubscribed, ...defaults } = await getPreferencesForm(userId);
  return { emailUnsubscribed, defaults };
}

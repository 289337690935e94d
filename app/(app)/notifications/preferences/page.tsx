import type { Metadata } from 'next';
import Link from 'next/link';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { PushSubscribe } from '@/components/notifications/push-subscribe';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { loadNotificationPreferencesPage } from '@/lib/server/pages/notification-preferences';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Notification preferences' };

export default async function NotificationPreferencesPage() {
  const user = await requireUser('/notifications/preferences');
  const { emailUnsubscribed, defaults } = await loadNotificationPreferencesPage(user.id);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/notifications" className="text-sm text-slate-600 hover:text-slate-900">
          ← Notifications
        </Link>
        <PageHeader title="Notification preferences" className="mt-2" />
        <p className="mt-1 text-sm text-slate-600">
          Times are in your time zone, {user.timeZone.replaceAll('_', ' ')}.
        </p>
      </div>
      {emailUnsubscribed ? (
        <Alert>You unsubscribed from reminder emails. Tick Email for any reminder and save to get them again.</Alert>
      ) : null}
      <Card
        title="Push on this browser"
        description="Reminders on this device before an interview, even when Rebound is not open."
      >
        <PushSubscribe />
      </Card>
      <Card
        title="Which reminders, where"
        description="Push needs this browser's permission; quiet hours hold reminders back, and one that would be useless afterwards comes just before them."
      >
        <PreferencesForm defaults={defaults} />
      </Card>
    </div>
  );
}

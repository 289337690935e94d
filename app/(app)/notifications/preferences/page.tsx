import type { Metadata } from 'next';
import Link from 'next/link';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { PushSubscribe } from '@/components/notifications/push-subscribe';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { getPreferencesForm } from '@/lib/server/notifications/preferences-form';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Notification preferences' };

export default async function NotificationPreferencesPage() {
  const user = await requireUser('/notifications/preferences');
  const { emailUnsubscribed, ...defaults } = await getPreferencesForm(user.id);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/notifications" className="text-sm text-slate-600 hover:text-slate-900">
          ← Notifications
        </Link>
        <h1 className="mt-2 text-2xl font-semibold text-brand-900">Notification preferences</h1>
        <p className="mt-1 text-sm text-slate-600">Times are in your time zone, {user.timeZone.replaceAll('_', ' ')}.</p>
      </div>
      {emailUnsubscribed ? <Alert>You unsubscribed from reminder emails. Tick Email for any reminder and save to get them again.</Alert> : null}
      <Card title="Push on this browser" description="Reminders on this device before an interview, even when Rebound is not open.">
        <PushSubscribe />
      </Card>
      <Card title="Which reminders, where" description="Push needs this browser's permission; quiet hours hold reminders back, and one that would be useless afterwards comes just before them.">
        <PreferencesForm defaults={defaults} />
      </Card>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { MarkReadButton } from '@/components/notifications/mark-read-button';
import { PageHeader } from '@/components/ui/page-header';
import { DELIVERY_STATE_LABELS, REMINDER_CHANNEL_LABELS, REMINDER_KIND_LABELS } from '@/lib/domain/notification-labels';
import type { ReminderChannel, ReminderKind } from '@/lib/domain/reminders';
import { formatWithZone } from '@/lib/domain/time';
import { loadNotificationsPage } from '@/lib/server/pages/notifications';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Notifications' };

/** An absolute link of our own becomes a path: the list links within the app. */
function toPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '/dashboard';
  }
}

export default async function NotificationsPage() {
  const user = await requireUser('/notifications');
  const { notifications, unread } = await loadNotificationsPage(user.id);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Notifications"
        description={
          <>{unread > 0 ? `${unread} unread.` : 'Nothing unread.'} Reminders that could not be sent say why.</>
        }
        actions={
          <div className="flex items-center gap-2">
            {unread > 0 ? <MarkReadButton /> : null}
            <Link
              href="/notifications/preferences"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              Preferences
            </Link>
          </div>
        }
      />
      {notifications.length === 0 ? (
        <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          No reminders yet. They appear here as they are sent: the evening before an interview, when to leave, and the
          check-in afterwards.
        </section>
      ) : (
        <ul className="space-y-3">
          {notifications.map((notification) => {
            const failed = notification.deliveries.filter((delivery) => delivery.state === 'FAILED');
            return (
              <li
                key={notification.id}
                className={`rounded-lg border bg-white p-4 shadow-sm ${failed.length > 0 ? 'border-red-300' : 'border-slate-200'}`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link
                    href={toPath(notification.url)}
                    className="font-medium text-brand-900 underline-offset-2 hover:underline"
                  >
                    {notification.title}
                  </Link>
                  <span className="text-xs text-slate-500">
                    {REMINDER_KIND_LABELS[notification.kind as ReminderKind]?.label ?? notification.kind} ·{' '}
                    {formatWithZone(notification.createdAt, user.timeZone)}
                    {notification.readAt ? null : <strong className="ml-2 text-brand-700">new</strong>}
                  </span>
                </div>
                <p className="mt-1 text-sm text-slate-700">{notification.body}</p>
                {notification.deliveries.length > 0 ? (
                  <ul aria-label="Channels" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
                    {notification.deliveries.map((delivery) => (
                      <li key={delivery.channel} className={delivery.state === 'FAILED' ? 'text-red-700' : undefined}>
                        {REMINDER_CHANNEL_LABELS[delivery.channel as ReminderChannel] ?? delivery.channel}:{' '}
                        {DELIVERY_STATE_LABELS[delivery.state] ?? delivery.state}
                        {delivery.state === 'FAILED' || delivery.state === 'SKIPPED'
                          ? ` (${delivery.lastError ?? 'no reason given'}${delivery.state === 'FAILED' ? `; tried ${delivery.attempts} times` : ''})`
                          : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { ProfileForm } from '@/components/account/profile-form';
import { SessionsList } from '@/components/account/sessions-list';
import { PushSubscribe } from '@/components/notifications/push-subscribe';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { describeTimeZone } from '@/lib/domain/time';
import { loadAccountPage } from '@/lib/server/pages/account';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  const { sessions } = await loadAccountPage(user);
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" />
      <Card
        title="Profile"
        description={
          <>
            <p>Signed in as {user.email}.</p>
            <p>
              Times are shown in <strong>{describeTimeZone(new Date(), user.timeZone)}</strong> (
              {user.timeZone.replaceAll('_', ' ')}). If that is not where you are, choose your zone below and save.
            </p>
          </>
        }
      >
        <ProfileForm defaults={{ name: user.name, timeZone: user.timeZone }} />
      </Card>
      <Card title="Password" description="You need your current password. Changing it signs out every other device.">
        <ChangePasswordForm email={user.email} />
      </Card>
      <Card
        title="Notifications"
        description="Reminders on this device before an interview, even when Rebound is not open."
      >
        <PushSubscribe />
      </Card>
      <Card
        title="Signed-in devices"
        description="Every browser signed in to your account. Signing one out ends its session at once."
      >
        <SessionsList sessions={sessions} />
      </Card>
      <Card
        title="Your data"
        description="One JSON file with every interview, incident, reschedule request, message, lesson and timeline event; your applications, with their contacts and stage history, also as a CSV for a spreadsheet. A CSV from Rebound or another tracker, or an employer's invitation, comes back in through Import."
      >
        <div className="flex flex-wrap gap-2">
          <a
            href="/api/account/export"
            className="inline-flex rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            download
          >
            Download my data
          </a>
          <a
            href="/api/applications/export"
            className="inline-flex rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            download
          >
            Download applications (CSV)
          </a>
          <Link
            href="/imports"
            className="inline-flex rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
          >
            Import
          </Link>
        </div>
      </Card>
      <Card title="Delete account" description="This deletes your account and everything in it, at once and for good.">
        <DeleteAccountForm email={user.email} />
      </Card>
    </div>
  );
}

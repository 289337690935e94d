import type { Metadata } from 'next';
import Link from 'next/link';
import { CheckInConfirm } from '@/components/notifications/check-in-confirm';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { describeLateNotice } from '@/lib/domain/late-notice';
import { formatWithZone } from '@/lib/domain/time';
import { loadCheckInPage } from '@/lib/server/pages/check-in';
import { requireUser } from '@/lib/session';
import { orNotFound } from '@/app/(app)/or-not-found';

export const metadata: Metadata = { title: 'Check in' };

// The link from the check-in email. Opening it records nothing (mail scanners open links too);
// the answer counts when the signed-in user presses a button, and then the link is spent.
export default async function CheckInPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ answer?: string }>;
}) {
  const { token } = await params;
  const { answer } = await searchParams;
  const user = await requireUser(
    `/check-in/${encodeURIComponent(token)}${answer === 'missed' || answer === 'happened' ? `?answer=${answer}` : ''}`,
  );
  const { link, lateNotice } = await orNotFound(loadCheckInPage(user.id, token));
  if (link.state !== 'open') {
    return (
      <div className="space-y-4">
        <PageHeader title="Check in" />
        <Alert>{link.message}</Alert>
        <Link href={`/interviews/${link.interviewId}`} className="text-sm underline">
          Open the interview
        </Link>
      </div>
    );
  }
  const { interview } = link;
  return (
    <div className="space-y-6">
      <PageHeader title="Did it happen?" />
      <Card
        title={`${interview.roleTitle} at ${interview.company}`}
        description={`Planned for ${formatWithZone(interview.scheduledStart, interview.timeZone)}.`}
      >
        {lateNotice ? (
          <p className="mb-2 text-sm font-medium text-amber-900">
            {describeLateNotice(lateNotice, interview.timeZone)}.
          </p>
        ) : null}
        <p className="mb-4 text-sm text-slate-600">Nothing is recorded until you choose.</p>
        <CheckInConfirm
          token={token}
          interviewId={interview.id}
          toldLate={lateNotice !== null}
          suggested={answer === 'missed' || answer === 'happened' ? answer : null}
        />
      </Card>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { InterviewForm } from '@/components/interviews/interview-form';
import { PageHeader } from '@/components/ui/page-header';
import { loadNewInterviewPage } from '@/lib/server/pages/interview-new';
import { requireUser } from '@/lib/session';
import { isId } from '@/lib/validation/common';
import { orNotFound } from '@/app/(app)/or-not-found';

export const metadata: Metadata = { title: 'Add an interview' };

export default async function NewInterviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser('/interviews/new');
  const { application } = await searchParams;
  // "Add a round" from an application page names it; anything else is the blank form.
  const applicationId = typeof application === 'string' && isId(application) ? application : undefined;
  const { applications, contacts, defaults } = await orNotFound(
    loadNewInterviewPage(user.id, user.timeZone, applicationId),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={applicationId ? `Add a round: ${defaults.roleTitle} at ${defaults.company}` : 'Add an interview'}
        actions={
          <Link
            href="/imports/calendar"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
          >
            From an invitation
          </Link>
        }
      />
      <InterviewForm userTimeZone={user.timeZone} defaults={defaults} applications={applications} contacts={contacts} />
    </div>
  );
}

import type { Metadata } from 'next';
import { InterviewForm } from '@/components/interviews/interview-form';
import { PageHeader } from '@/components/ui/page-header';
import { loadEditInterviewPage } from '@/lib/server/pages/interview-edit';
import { requireUser } from '@/lib/session';
import { orNotFound } from '@/app/(app)/or-not-found';

export const metadata: Metadata = { title: 'Edit interview' };

export default async function EditInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/interviews/${id}/edit`);
  const { interview, defaults } = await orNotFound(loadEditInterviewPage(user.id, id));
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            Edit: {interview.roleTitle} at {interview.company}
          </>
        }
      />
      <InterviewForm
        interviewId={interview.id}
        version={interview.version}
        userTimeZone={user.timeZone}
        defaults={defaults}
      />
    </div>
  );
}

import type { Metadata } from 'next';
import { InterviewForm } from '@/components/interviews/interview-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Add an interview' };

export default async function NewInterviewPage() {
  const user = await requireUser('/interviews/new');
  return (
    <div className="space-y-6">
      <PageHeader title="Add an interview" />
      <InterviewForm
        userTimeZone={user.timeZone}
        defaults={{
          company: '',
          roleTitle: '',
          date: '',
          startTime: '10:00',
          endTime: '11:00',
          timeZone: user.timeZone,
          format: 'IN_PERSON',
        }}
      />
    </div>
  );
}

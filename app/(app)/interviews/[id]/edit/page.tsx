import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InterviewForm } from '@/components/interviews/interview-form';
import { utcToZonedLocal } from '@/lib/domain/time';
import { NotFoundError } from '@/lib/errors';
import { getInterview } from '@/lib/server/interviews/get-interview';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Edit interview' };

export default async function EditInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/interviews/${id}/edit`);
  const interview = await getInterview(user.id, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const local = utcToZonedLocal(interview.scheduledStart, interview.timeZone);
  const end = utcToZonedLocal(new Date(interview.scheduledStart.getTime() + interview.durationMinutes * 60_000), interview.timeZone);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-brand-900">
        Edit: {interview.roleTitle} at {interview.company}
      </h1>
      <InterviewForm
        interviewId={interview.id}
        version={interview.updatedAt.toISOString()}
        userTimeZone={user.timeZone}
        defaults={{
          company: interview.company,
          roleTitle: interview.roleTitle,
          roundLabel: interview.roundLabel ?? '',
          date: local.slice(0, 10),
          startTime: local.slice(11, 16),
          endTime: end.slice(11, 16),
          timeZone: interview.timeZone,
          format: interview.format,
          location: interview.location ?? '',
          meetingUrl: interview.meetingUrl ?? '',
          contactName: interview.contactName ?? '',
          contactEmail: interview.contactEmail ?? '',
          contactPhone: interview.contactPhone ?? '',
          notes: interview.notes ?? '',
          travelMinutes: interview.travelMinutes?.toString() ?? '',
          bufferMinutes: interview.bufferMinutes?.toString() ?? '',
        }}
      />
    </div>
  );
}

import type { Metadata } from 'next';
import { AddToCalendar } from '@/components/interviews/add-to-calendar';
import { InterviewActionsSection } from '@/components/interviews/interview-actions-section';
import { InterviewDetailsSection } from '@/components/interviews/interview-details-section';
import { InterviewHeader } from '@/components/interviews/interview-header';
import { InterviewRemindersSection } from '@/components/interviews/interview-reminders-section';
import { InterviewPreparationSection } from '@/components/interviews/interview-preparation-section';
import { InterviewTimeChangesSection } from '@/components/interviews/interview-time-changes-section';
import { InterviewTimelineSection } from '@/components/interviews/interview-timeline-section';
import { RunningLateSection } from '@/components/interviews/running-late-section';
import { PreventionHints } from '@/components/lessons/prevention-hints';
import { makeFormatter } from '@/components/recovery/format';
import { NoShowOffer } from '@/components/recovery/no-show-offer';
import { canAddHourBefore } from '@/lib/domain/interview-reminder-list';
import { MessageHistory } from '@/components/recovery/message-history';
import { loadInterviewPage } from '@/lib/server/pages/interview';
import { requireUser } from '@/lib/session';
import { orNotFound } from '@/app/(app)/or-not-found';

export const metadata: Metadata = { title: 'Interview' };

export default async function InterviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, { reschedule, late }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/interviews/${id}`);
  const now = new Date();
  // Both the interview and its messages answer NotFoundError for an id that is missing or not
  // the user's; whichever comes first, the page is the same 404.
  const { interview, messages, hints, timeChanges, reminders } = await orNotFound(loadInterviewPage(user, id, now));

  return (
    <div className="space-y-6">
      <InterviewHeader interview={interview} userTimeZone={user.timeZone} />
      <RunningLateSection interview={interview} candidateName={user.name} now={now} requestedMinutes={late} />
      <PreventionHints hints={hints} />
      <NoShowOffer interview={interview} now={now} />
      <InterviewActionsSection interview={interview} now={now} openReschedule={reschedule === '1'} />
      <AddToCalendar interview={interview} />
      <div className="grid gap-6 md:grid-cols-2">
        <InterviewDetailsSection interview={interview} />
        <InterviewPreparationSection interview={interview} hints={hints} userTimeZone={user.timeZone} />
      </div>
      <InterviewRemindersSection
        interviewId={interview.id}
        reminders={reminders}
        interviewTimeZone={interview.timeZone}
        userTimeZone={user.timeZone}
        offerHourBefore={
          interview.status === 'SCHEDULED' &&
          !(interview.hourBeforeReminder && !interview.silencedReminders.includes('hour-before')) &&
          canAddHourBefore(interview.scheduledStart, now)
        }
      />
      <InterviewTimeChangesSection changes={timeChanges} />
      {messages.length > 0 ? <MessageHistory messages={messages} format={makeFormatter(user.timeZone)} /> : null}
      <InterviewTimelineSection events={interview.activityEvents} timeZone={user.timeZone} />
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { NeedsAnswerSection } from '@/components/dashboard/needs-answer-section';
import { NextInterviewSection } from '@/components/dashboard/next-interview-section';
import { PipelineSection } from '@/components/dashboard/pipeline-section';
import { RecoveriesInProgressSection } from '@/components/dashboard/recoveries-in-progress-section';
import { WeekAheadSection } from '@/components/dashboard/week-ahead-section';
import { LessonsDueCard } from '@/components/lessons/lessons-due-card';
import { NoShowOfferCard } from '@/components/recovery/no-show-offer';
import { UnsentMessagesCard } from '@/components/recovery/unsent-messages-card';
import { PageHeader } from '@/components/ui/page-header';
import { loadDashboard } from '@/lib/server/pages/dashboard';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser('/dashboard');
  const now = new Date();
  const {
    nextInterview,
    weekAhead,
    moreThisWeek,
    needsAnswer,
    moreNeedAnswer,
    openIncidents,
    lessonsDue,
    unsent,
    nextHints,
    pipeline,
    noShowOffers,
  } = await loadDashboard(user, now);

  return (
    <div className="space-y-6">
      <PageHeader
        title={<>Welcome, {user.name}</>}
        description={`Times are shown in ${user.timeZone.replaceAll('_', ' ')} unless an interview has its own zone.`}
        actions={
          <Link
            href="/interviews/new"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Add interview
          </Link>
        }
      />
      <NoShowOfferCard interviews={noShowOffers} userTimeZone={user.timeZone} />
      <NeedsAnswerSection interviews={needsAnswer} hasMore={moreNeedAnswer} userTimeZone={user.timeZone} />
      <UnsentMessagesCard unsent={unsent} timeZone={user.timeZone} />
      <RecoveriesInProgressSection recoveries={openIncidents} />
      <NextInterviewSection interview={nextInterview} hints={nextHints} now={now} userTimeZone={user.timeZone} />
      <LessonsDueCard count={lessonsDue} />
      <WeekAheadSection interviews={weekAhead} hasMore={moreThisWeek} userTimeZone={user.timeZone} />
      <PipelineSection stages={pipeline} />
    </div>
  );
}

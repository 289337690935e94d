import type { Metadata } from 'next';
import Link from 'next/link';
import { CheckIn } from '@/components/interviews/check-in';
import { Countdown } from '@/components/interviews/countdown';
import { InterviewTime } from '@/components/interviews/interview-time';
import { LeaveBy } from '@/components/interviews/leave-by';
import { NextInterviewLinks } from '@/components/interviews/next-interview-links';
import { LessonsDueCard } from '@/components/lessons/lessons-due-card';
import { PreventionHints } from '@/components/lessons/prevention-hints';
import { UnsentMessagesCard } from '@/components/recovery/unsent-messages-card';
import { Card } from '@/components/ui/card';
import { loadDashboard } from '@/lib/server/pages/dashboard';
import { requireUser } from '@/lib/session';
import { FORMAT_LABELS } from '@/lib/domain/interview-format';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser('/dashboard');
  const now = new Date();
  const { nextInterview, weekAhead, moreThisWeek, needsAnswer, moreNeedAnswer, openIncidents, lessonsDue, unsent, nextHints } = await loadDashboard(user, now);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-brand-900">Welcome, {user.name}</h1>
          <p className="mt-1 text-sm text-slate-600">Times are shown in {user.timeZone.replaceAll('_', ' ')} unless an interview has its own zone.</p>
        </div>
        <Link href="/interviews/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Add interview
        </Link>
      </div>

      {needsAnswer.length > 0 ? (
        <Card title="Needs an answer" description="These interviews are over. How did they go?">
          <ul className="space-y-4">
            {needsAnswer.map((item) => (
              <li key={item.id} className="space-y-2">
                <p>
                  <Link href={`/interviews/${item.id}`} className="font-medium underline">
                    {item.roleTitle} at {item.company}
                  </Link>{' '}
                  <span className="text-sm text-slate-600">
                    <InterviewTime start={item.scheduledStart} timeZone={item.timeZone} userTimeZone={user.timeZone} />
                  </span>
                </p>
                <CheckIn interviewId={item.id} />
              </li>
            ))}
          </ul>
          {moreNeedAnswer ? (
            <p className="mt-4 text-sm">
              <Link href="/interviews?view=past" className="font-medium underline">
                More interviews are waiting for an answer: see past interviews
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}

      <UnsentMessagesCard unsent={unsent} timeZone={user.timeZone} />

      {openIncidents.length > 0 ? (
        <Card title="Recoveries in progress">
          <ul className="space-y-2 text-sm">
            {openIncidents.map((incident) => (
              <li key={incident.id}>
                <Link href={`/incidents/${incident.id}`} className="font-medium text-red-800 underline">
                  {incident.interview.roleTitle} at {incident.interview.company}
                </Link>{' '}
                · next: {incident.stateLabel}
                {incident.isFollowUpDue ? <span className="ml-2 font-medium text-amber-800">No answer for 3 working days: time for one polite follow-up.</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {nextInterview ? (
        <Card title="Next interview">
          <div className="space-y-1">
            <p className="text-lg font-medium">
              <Link href={`/interviews/${nextInterview.id}`} className="underline">
                {nextInterview.roleTitle} at {nextInterview.company}
              </Link>{' '}
              <span className="text-brand-700">
                <Countdown target={nextInterview.scheduledStart.toISOString()} renderedAt={now.toISOString()} />
              </span>
            </p>
            <p className="text-sm text-slate-700">
              {FORMAT_LABELS[nextInterview.format]} · <InterviewTime start={nextInterview.scheduledStart} timeZone={nextInterview.timeZone} userTimeZone={user.timeZone} />
            </p>
            {nextInterview.travelMinutes !== null ? (
              <p className="text-sm font-medium text-amber-900">
                <LeaveBy interview={nextInterview} hints={nextHints} userTimeZone={user.timeZone} />
              </p>
            ) : null}
            <NextInterviewLinks interview={nextInterview} />
            <PreventionHints hints={nextHints} />
          </div>
        </Card>
      ) : (
        <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="font-semibold">No upcoming interviews</h2>
          <p className="mt-2 text-sm text-slate-600">Add your next interview to get a countdown, a leave-by time and a check-in afterwards.</p>
        </section>
      )}

      <LessonsDueCard count={lessonsDue} />

      <Card title="The week ahead">
        {weekAhead.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing in the next seven days.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {weekAhead.map((item) => (
              <li key={item.id} className="py-2">
                <Link href={`/interviews/${item.id}`} className="font-medium underline">
                  {item.roleTitle} at {item.company}
                </Link>{' '}
                · <InterviewTime start={item.scheduledStart} timeZone={item.timeZone} userTimeZone={user.timeZone} />
              </li>
            ))}
          </ul>
        )}
        {moreThisWeek ? (
          <p className="mt-2 text-sm">
            <Link href="/interviews?view=upcoming" className="font-medium underline">
              More this week: see all upcoming interviews
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}

import Link from 'next/link';
import type { ComponentProps } from 'react';
import { Countdown } from '@/components/interviews/countdown';
import { InterviewTime } from '@/components/interviews/interview-time';
import { LeaveBy } from '@/components/interviews/leave-by';
import { RunningLateChips } from '@/components/interviews/running-late-chips';
import { NextInterviewLinks } from '@/components/interviews/next-interview-links';
import { PreventionHints } from '@/components/lessons/prevention-hints';
import { Card } from '@/components/ui/card';
import { FORMAT_LABELS, type InterviewFormat } from '@/lib/domain/interview-format';
import type { PreventionHint } from '@/lib/domain/lesson-rules';

type Props = {
  interview:
    | (ComponentProps<typeof NextInterviewLinks>['interview'] &
        ComponentProps<typeof LeaveBy>['interview'] &
        ComponentProps<typeof RunningLateChips>['interview'] & {
          roleTitle: string;
          company: string;
          format: InterviewFormat;
        })
    | null;
  hints: readonly PreventionHint[];
  now: Date;
  userTimeZone: string;
};

/** The next interview with its countdown, when to leave, its links and the hints from past lessons; or the invitation to add one. */
export function NextInterviewSection({ interview, hints, now, userTimeZone }: Props) {
  if (!interview) {
    return (
      <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="font-semibold">No upcoming interviews</h2>
        <p className="mt-2 text-sm text-slate-600">
          Add your next interview to get a countdown, a leave-by time and a check-in afterwards.
        </p>
      </section>
    );
  }
  return (
    <Card title="Next interview">
      <div className="space-y-1">
        <p className="text-lg font-medium">
          <Link href={`/interviews/${interview.id}`} className="underline">
            {interview.roleTitle} at {interview.company}
          </Link>{' '}
          <span className="text-brand-700">
            <Countdown target={interview.scheduledStart.toISOString()} renderedAt={now.toISOString()} />
          </span>
        </p>
        <p className="text-sm text-slate-700">
          {FORMAT_LABELS[interview.format]} ·{' '}
          <InterviewTime start={interview.scheduledStart} timeZone={interview.timeZone} userTimeZone={userTimeZone} />
        </p>
        {interview.travelMinutes !== null ? (
          <p className="text-sm font-medium text-amber-900">
            <LeaveBy interview={interview} hints={hints} userTimeZone={userTimeZone} />
          </p>
        ) : null}
        <RunningLateChips interview={interview} now={now} />
        <NextInterviewLinks interview={interview} />
        <PreventionHints hints={hints} />
      </div>
    </Card>
  );
}

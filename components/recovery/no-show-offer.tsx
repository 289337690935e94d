import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { InterviewTime } from '@/components/interviews/interview-time';
import { Card } from '@/components/ui/card';
import { isNoShowOffered } from '@/lib/domain/employer-no-show';
import { NoShowStartButton } from './no-show-start-button';

type OfferInterview = {
  id: string;
  status: string;
  scheduledStart: Date;
  incidents: readonly { recoveryState: string }[];
};

/** On the interview page, from five minutes after the start until the check-in is answered. */
export function NoShowOffer({ interview, now }: { interview: OfferInterview; now: Date }) {
  const hasOpenIncident = interview.incidents.some((incident) => incident.recoveryState !== 'CLOSED');
  if (!isNoShowOffered({ ...interview, hasOpenIncident }, now)) return null;
  return (
    <Card
      title="Nobody there?"
      description="If the interviewer has not joined (or nobody came to meet you), check your side first, then Rebound helps you wait, call and write."
    >
      <NoShowStartButton interviewId={interview.id} idempotencyKey={randomUUID()} />
    </Card>
  );
}

type StartedInterview = { id: string; roleTitle: string; company: string; scheduledStart: Date; timeZone: string };

/** On the dashboard: the interviews under way for which the employer may not have shown up. */
export function NoShowOfferCard({
  interviews,
  userTimeZone,
}: {
  interviews: readonly StartedInterview[];
  userTimeZone: string;
}) {
  if (interviews.length === 0) return null;
  return (
    <Card title="Started: is everyone there?" description="If they have not shown up, check your side first.">
      <ul className="space-y-4">
        {interviews.map((item) => (
          <li key={item.id} className="space-y-2">
            <p>
              <Link href={`/interviews/${item.id}`} className="font-medium underline">
                {item.roleTitle} at {item.company}
              </Link>{' '}
              <span className="text-sm text-slate-600">
                <InterviewTime start={item.scheduledStart} timeZone={item.timeZone} userTimeZone={userTimeZone} />
              </span>
            </p>
            <NoShowStartButton interviewId={item.id} idempotencyKey={randomUUID()} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

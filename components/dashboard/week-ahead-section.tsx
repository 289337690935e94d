import Link from 'next/link';
import { InterviewTime } from '@/components/interviews/interview-time';
import { Card } from '@/components/ui/card';

type Props = {
  interviews: readonly { id: string; roleTitle: string; company: string; scheduledStart: Date; timeZone: string }[];
  /** More interviews this week than the list shows. */
  hasMore: boolean;
  userTimeZone: string;
};

/** The interviews of the next seven days. */
export function WeekAheadSection({ interviews, hasMore, userTimeZone }: Props) {
  return (
    <Card title="The week ahead">
      {interviews.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing in the next seven days.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {interviews.map((item) => (
            <li key={item.id} className="py-2">
              <Link href={`/interviews/${item.id}`} className="font-medium underline">
                {item.roleTitle} at {item.company}
              </Link>{' '}
              · <InterviewTime start={item.scheduledStart} timeZone={item.timeZone} userTimeZone={userTimeZone} />
            </li>
          ))}
        </ul>
      )}
      {hasMore ? (
        <p className="mt-2 text-sm">
          <Link href="/interviews?view=upcoming" className="font-medium underline">
            More this week: see all upcoming interviews
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

import Link from 'next/link';
import { CheckIn } from '@/components/interviews/check-in';
import { InterviewTime } from '@/components/interviews/interview-time';
import { Card } from '@/components/ui/card';

type Props = {
  interviews: readonly { id: string; roleTitle: string; company: string; scheduledStart: Date; timeZone: string }[];
  /** More are waiting than the list shows. */
  hasMore: boolean;
  userTimeZone: string;
};

/** Interviews that are over and still need to be told how they went, each with its check-in; nothing when there are none. */
export function NeedsAnswerSection({ interviews, hasMore, userTimeZone }: Props) {
  if (interviews.length === 0) return null;
  return (
    <Card title="Needs an answer" description="These interviews are over. How did they go?">
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
            <CheckIn interviewId={item.id} />
          </li>
        ))}
      </ul>
      {hasMore ? (
        <p className="mt-4 text-sm">
          <Link href="/interviews?view=past" className="font-medium underline">
            More interviews are waiting for an answer: see past interviews
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

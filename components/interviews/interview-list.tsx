import Link from 'next/link';
import { InterviewTime } from './interview-time';
import { StatusBadge } from './status-badge';
import { FORMAT_LABELS, type InterviewFormat } from '@/lib/domain/interview-format';
import type { InterviewStatus } from '@/lib/domain/interview-status';
import type { InterviewListQuery } from '@/lib/validation/interview';

type Props = {
  items: readonly {
    id: string;
    roleTitle: string;
    company: string;
    roundLabel: string | null;
    format: InterviewFormat;
    scheduledStart: Date;
    timeZone: string;
    status: InterviewStatus;
  }[];
  query: Pick<InterviewListQuery, 'view' | 'q'>;
  userTimeZone: string;
};

/** One page of interviews, or what to do when there are none (a search that matched nothing says so). */
export function InterviewList({ items, query, userTimeZone }: Props) {
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="font-semibold">
          {query.q
            ? `Nothing matches “${query.q}”`
            : query.view === 'upcoming'
              ? 'No upcoming interviews'
              : 'Nothing here yet'}
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          {query.q
            ? 'Try another word, or clear the search.'
            : 'Add your next interview to get a leave-by time, a calendar entry and a check-in afterwards.'}
        </p>
        <Link
          href="/interviews/new"
          className="mt-4 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
        >
          Add an interview
        </Link>
      </div>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
          <div>
            <Link
              href={`/interviews/${item.id}`}
              className="font-medium text-brand-900 underline-offset-2 hover:underline"
            >
              {item.roleTitle} at {item.company}
            </Link>
            <p className="text-sm text-slate-600">
              {item.roundLabel ? `${item.roundLabel} · ` : ''}
              {FORMAT_LABELS[item.format]} ·{' '}
              <InterviewTime start={item.scheduledStart} timeZone={item.timeZone} userTimeZone={userTimeZone} />
            </p>
          </div>
          <StatusBadge status={item.status} />
        </li>
      ))}
    </ul>
  );
}

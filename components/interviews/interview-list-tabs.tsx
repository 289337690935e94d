import Link from 'next/link';
import type { InterviewListQuery } from '@/lib/validation/interview';
import { interviewListHref } from './interview-list-href';

const tabs = [
  { view: 'upcoming', label: 'Upcoming' },
  { view: 'past', label: 'Past' },
  { view: 'status', label: 'By status' },
] as const;

/** Upcoming, past and by status; a tab keeps the search and starts at the first page. */
export function InterviewListTabs({ query }: { query: Pick<InterviewListQuery, 'view' | 'q'> }) {
  return (
    <nav aria-label="Interview lists" className="flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.view}
          href={interviewListHref({ view: tab.view, q: query.q })}
          aria-current={query.view === tab.view ? 'page' : undefined}
          className={`-mb-px border-b-2 px-4 py-2 text-sm ${query.view === tab.view ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600'}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

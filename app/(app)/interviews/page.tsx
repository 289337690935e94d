import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarFeed } from '@/components/interviews/calendar-feed';
import { InterviewTime } from '@/components/interviews/interview-time';
import { StatusBadge } from '@/components/interviews/status-badge';
import { INTERVIEW_STATUS_LABELS, INTERVIEW_STATUSES } from '@/lib/domain/interview-status';
import { getAppUrl } from '@/lib/request';
import { loadInterviewsPage } from '@/lib/server/pages/interviews';
import { requireUser } from '@/lib/session';
import { FORMAT_LABELS } from '@/lib/domain/interview-format';
import { interviewListQuerySchema, type InterviewListQuery } from '@/lib/validation/interview';
import { TextLink } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Interviews' };

const tabs = [
  { view: 'upcoming', label: 'Upcoming' },
  { view: 'past', label: 'Past' },
  { view: 'status', label: 'By status' },
] as const;

function hrefFor(query: Partial<InterviewListQuery>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  const search = params.toString();
  return search ? `/interviews?${search}` : '/interviews';
}

export default async function InterviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser('/interviews');
  const raw = await searchParams;
  const query = interviewListQuerySchema.parse({
    view: raw.view,
    status: raw.status,
    q: typeof raw.q === 'string' ? raw.q : undefined,
    cursor: typeof raw.cursor === 'string' ? raw.cursor : undefined,
  });
  const { items, nextCursor, feedToken } = await loadInterviewsPage(user.id, query);
  const base = { view: query.view, status: query.status, q: query.q };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-brand-900">Interviews</h1>
        <div className="flex gap-2">
          <a href="/api/interviews/export" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100" download>
            Export CSV
          </a>
          <Link href="/interviews/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Add interview
          </Link>
        </div>
      </div>

      <nav aria-label="Interview lists" className="flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <Link
            key={tab.view}
            href={hrefFor({ view: tab.view, q: query.q })}
            aria-current={query.view === tab.view ? 'page' : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm ${query.view === tab.view ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600'}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>

      <form action="/interviews" className="flex flex-wrap items-end gap-3" role="search">
        <input type="hidden" name="view" value={query.view} />
        {query.view === 'status' ? (
          <label className="text-sm">
            <span className="block font-medium">Status</span>
            <select name="status" defaultValue={query.status ?? ''} className="rounded-md border border-slate-300 px-3 py-2">
              <option value="">All</option>
              {INTERVIEW_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {INTERVIEW_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="text-sm">
          <span className="block font-medium">Search company or role</span>
          <input name="q" defaultValue={query.q ?? ''} maxLength={100} className="rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <button className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium">Search</button>
      </form>

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="font-semibold">{query.q ? `Nothing matches “${query.q}”` : query.view === 'upcoming' ? 'No upcoming interviews' : 'Nothing here yet'}</h2>
          <p className="mt-2 text-sm text-slate-600">
            {query.q ? 'Try another word, or clear the search.' : 'Add your next interview to get a leave-by time, a calendar entry and a check-in afterwards.'}
          </p>
          <Link href="/interviews/new" className="mt-4 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
            Add an interview
          </Link>
        </div>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div>
                <Link href={`/interviews/${item.id}`} className="font-medium text-brand-900 underline-offset-2 hover:underline">
                  {item.roleTitle} at {item.company}
                </Link>
                <p className="text-sm text-slate-600">
                  {item.roundLabel ? `${item.roundLabel} · ` : ''}
                  {FORMAT_LABELS[item.format]} · <InterviewTime start={item.scheduledStart} timeZone={item.timeZone} userTimeZone={user.timeZone} />
                </p>
              </div>
              <StatusBadge status={item.status} />
            </li>
          ))}
        </ul>
      )}

      <div className="flex justify-between text-sm">
        {query.cursor ? (
          <TextLink href={hrefFor(base)}>
            ← First page
          </TextLink>
        ) : (
          <span />
        )}
        {nextCursor ? (
          <TextLink href={hrefFor({ ...base, cursor: nextCursor })}>
            Next page →
          </TextLink>
        ) : null}
      </div>

      <CalendarFeed url={`${getAppUrl()}/api/calendar/${feedToken}`} />
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarFeed } from '@/components/interviews/calendar-feed';
import { InterviewList } from '@/components/interviews/interview-list';
import { InterviewListPager } from '@/components/interviews/interview-list-pager';
import { InterviewListTabs } from '@/components/interviews/interview-list-tabs';
import { InterviewSearchForm } from '@/components/interviews/interview-search-form';
import { PageHeader } from '@/components/ui/page-header';
import { getAppUrl } from '@/lib/request';
import { loadInterviewsPage } from '@/lib/server/pages/interviews';
import { requireUser } from '@/lib/session';
import { interviewListQuerySchema } from '@/lib/validation/interview';

export const metadata: Metadata = { title: 'Interviews' };

export default async function InterviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser('/interviews');
  const raw = await searchParams;
  const query = interviewListQuerySchema.parse({
    view: raw.view,
    status: raw.status,
    q: typeof raw.q === 'string' ? raw.q : undefined,
    cursor: typeof raw.cursor === 'string' ? raw.cursor : undefined,
  });
  const { items, nextCursor, feedToken } = await loadInterviewsPage(user.id, query);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Interviews"
        actions={
          <div className="flex gap-2">
            <a
              href="/api/interviews/export"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
              download
            >
              Export CSV
            </a>
            <Link
              href="/imports/calendar"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              From an invitation
            </Link>
            <Link
              href="/interviews/new"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Add interview
            </Link>
          </div>
        }
      />
      <InterviewListTabs query={query} />
      <InterviewSearchForm query={query} />
      <InterviewList items={items} query={query} userTimeZone={user.timeZone} />
      <InterviewListPager query={query} nextCursor={nextCursor} />
      <CalendarFeed url={`${getAppUrl()}/api/calendar/${feedToken}`} />
    </div>
  );
}

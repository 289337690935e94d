import type { Metadata } from 'next';
import Link from 'next/link';
import { ApplicationsTable, ApplicationsTablePager } from '@/components/applications/applications-table';
import { ApplicationsTableFilters } from '@/components/applications/applications-table-filters';
import { ApplicationsViews } from '@/components/applications/applications-views';
import { PageHeader } from '@/components/ui/page-header';
import { loadApplicationsTablePage } from '@/lib/server/pages/applications-table';
import { requireUser } from '@/lib/session';
import { parseApplicationTableQuery } from '@/lib/validation/application';

export const metadata: Metadata = { title: 'Applications table' };

export default async function ApplicationsTablePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser('/applications/table');
  const query = parseApplicationTableQuery(await searchParams);
  const { items, nextCursor, stages } = await loadApplicationsTablePage(user.id, query);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Applications"
        actions={
          <Link
            href="/applications/new"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Add application
          </Link>
        }
      />
      <ApplicationsViews current="/applications/table" />
      <ApplicationsTableFilters query={query} stages={stages} />
      <ApplicationsTable items={items} query={query} userTimeZone={user.timeZone} />
      <ApplicationsTablePager query={query} nextCursor={nextCursor} />
    </div>
  );
}

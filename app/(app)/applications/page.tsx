import type { Metadata } from 'next';
import Link from 'next/link';
import { ApplicationsViews } from '@/components/applications/applications-views';
import { ApplicationsBoard } from '@/components/applications/board/applications-board';
import { BoardEmptyState } from '@/components/applications/board/board-empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { loadBoardPage } from '@/lib/server/pages/applications-board';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Applications' };

// The board takes no query parameters: every stage is a column, and the table does the filtering.
export default async function ApplicationsBoardPage() {
  const user = await requireUser('/applications');
  const { columns, isEmpty } = await loadBoardPage(user);

  return (
    <div className="space-y-6">
      <ApplicationsViews current="/applications" />
      <PageHeader
        title="Applications"
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href="/imports"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              Import
            </Link>
            <Link
              href="/interviews/new"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              Add interview
            </Link>
            <Link
              href="/applications/new"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Add application
            </Link>
          </div>
        }
      />
      {isEmpty ? <BoardEmptyState /> : <ApplicationsBoard columns={columns} userTimeZone={user.timeZone} />}
    </div>
  );
}

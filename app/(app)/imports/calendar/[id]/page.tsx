import type { Metadata } from 'next';
import Link from 'next/link';
import { InvitationReview } from '@/components/imports/invitation-review';
import { PageHeader } from '@/components/ui/page-header';
import { loadCalendarImportPage } from '@/lib/server/pages/calendar-import';
import { requireUser } from '@/lib/session';
import { isId } from '@/lib/validation/common';
import { orNotFound } from '@/app/(app)/or-not-found';
import { notFound } from 'next/navigation';

export const metadata: Metadata = { title: 'Review an invitation' };

export default async function CalendarImportReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requireUser(`/imports/calendar/${id}`);
  if (!isId(id)) notFound();
  const page = await orNotFound(loadCalendarImportPage(user.id, user.timeZone, id));
  const { event } = await searchParams;
  // One form at a time: the event named in ?event=, else the first one still to add.
  const requested = typeof event === 'string' ? Number(event) : NaN;
  const firstNew = page.items.findIndex((item) => item.kind === 'new');
  const open = Number.isInteger(requested) && page.items[requested]?.kind === 'new' ? requested : firstNew;
  return (
    <div className="space-y-6">
      <PageHeader
        title={page.items.length === 1 ? 'Review the invitation' : `Review ${page.items.length} invitations`}
        description={`From ${page.fileName}.`}
        actions={
          <Link
            href="/imports/calendar"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
          >
            Import another file
          </Link>
        }
      />
      {page.items.map((item, index) => (
        <InvitationReview
          key={item.uid}
          importId={page.id}
          item={item}
          userTimeZone={user.timeZone}
          applications={page.applications}
          isOpen={index === open}
          openHref={`/imports/calendar/${page.id}?event=${index}`}
        />
      ))}
    </div>
  );
}

import Link from 'next/link';
import { TextLink } from '@/components/ui/text-link';
import type { ApplicationSource } from '@/lib/generated/prisma/enums';
import { describeSource, formatCalendarDate } from '@/lib/domain/application-details';
import { formatInZone } from '@/lib/domain/time';
import type { ApplicationTableQuery, ApplicationTableSort } from '@/lib/validation/application';
import { applicationsTableHref } from './applications-table-href';

export type ApplicationsTableRow = {
  id: string;
  company: string;
  roleTitle: string;
  source: ApplicationSource | null;
  sourceDetail: string | null;
  appliedOn: Date | null;
  updatedAt: Date;
  stage: { name: string; kind: 'OPEN' | 'CLOSED' };
  nextRound: { id: string; scheduledStart: Date; roundLabel: string | null } | null;
};

type Props = { items: readonly ApplicationsTableRow[]; query: ApplicationTableQuery; userTimeZone: string };

// The direction each sort starts in, as listApplications reads it without one.
const DEFAULT_DIR: Record<ApplicationTableSort, 'asc' | 'desc'> = { changed: 'desc', applied: 'desc', company: 'asc' };

function SortHeader({
  query,
  sort,
  label,
}: {
  query: ApplicationTableQuery;
  sort: ApplicationTableSort;
  label: string;
}) {
  const current = query.sort === sort;
  const dir = query.dir ?? DEFAULT_DIR[sort];
  const nextDir = current ? (dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIR[sort];
  const { cursor: _page, ...filters } = query;
  return (
    <th
      scope="col"
      aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
      className="px-3 py-2 text-left font-medium"
    >
      <Link
        href={applicationsTableHref({ ...filters, sort, dir: nextDir })}
        className="rounded underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {label}
        {current ? <span aria-hidden="true">{dir === 'asc' ? ' ↑' : ' ↓'}</span> : null}
        <span className="sr-only">{current ? `, sorted ${dir === 'asc' ? 'ascending' : 'descending'}` : ', sort'}</span>
      </Link>
    </th>
  );
}

/** The applications as a table, in its own horizontal scroller so a phone never scrolls the page sideways. */
export function ApplicationsTable({ items, query, userTimeZone }: Props) {
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
        No applications match. <TextLink href="/applications/new">Add an application</TextLink>
      </p>
    );
  }
  return (
    <div
      role="region"
      aria-label="Applications"
      tabIndex={0}
      // relative: the headers' screen-reader text is positioned absolutely, and would otherwise
      // be placed against the page and widen it on a phone.
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className="min-w-[48rem] w-full text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <SortHeader query={query} sort="company" label="Company" />
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Role
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Stage
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Source
            </th>
            <SortHeader query={query} sort="applied" label="Applied" />
            <SortHeader query={query} sort="changed" label="Last change" />
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Next round
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2 font-medium">
                <Link href={`/applications/${row.id}`} className="text-brand-700 hover:underline">
                  {row.company}
                </Link>
              </td>
              <td className="px-3 py-2">{row.roleTitle}</td>
              <td className="px-3 py-2">
                {row.stage.name}
                {row.stage.kind === 'CLOSED' ? <span className="text-slate-500"> (closed)</span> : null}
              </td>
              <td className="px-3 py-2">{describeSource(row.source, row.sourceDetail) ?? '—'}</td>
              <td className="px-3 py-2 whitespace-nowrap">{row.appliedOn ? formatCalendarDate(row.appliedOn) : '—'}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {formatInZone(row.updatedAt, userTimeZone, { day: 'numeric', month: 'short', year: 'numeric' })}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {row.nextRound ? (
                  <Link href={`/interviews/${row.nextRound.id}`} className="text-brand-700 hover:underline">
                    {formatInZone(row.nextRound.scheduledStart, userTimeZone, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Back to the first page once past it, and on to the next while there is one; the filters stay. */
export function ApplicationsTablePager({
  query,
  nextCursor,
}: {
  query: ApplicationTableQuery;
  nextCursor: string | null;
}) {
  const { cursor, ...filters } = query;
  return (
    <div className="flex justify-between text-sm">
      {cursor ? <TextLink href={applicationsTableHref(filters)}>← First page</TextLink> : <span />}
      {nextCursor ? (
        <TextLink href={applicationsTableHref({ ...filters, cursor: nextCursor })}>Next page →</TextLink>
      ) : null}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { LessonCard } from '@/components/lessons/lesson-card';
import { LessonFilters } from '@/components/lessons/lesson-filters';
import { LessonsNav } from '@/components/lessons/lessons-nav';
import { PageHeader } from '@/components/ui/page-header';
import { textLinkClassName } from '@/components/ui/text-link';
import { loadLessonsPage } from '@/lib/server/pages/lessons';
import { requireUser } from '@/lib/session';
import { parseLessonFilters, type SearchParams } from '@/lib/validation/lessons';

export const metadata: Metadata = { title: 'Lessons' };

type LessonsPageProps = { searchParams: Promise<SearchParams> };

export default async function LessonsPage({ searchParams }: LessonsPageProps) {
  const user = await requireUser('/lessons');
  // Unknown causes and impossible dates in the URL are dropped, never an error page.
  const filters = parseLessonFilters(await searchParams);
  const now = new Date();
  const { page, reviewCounts } = await loadLessonsPage(user, filters, now);
  const filterQuery = new URLSearchParams(
    Object.entries({ cause: filters.cause, side: filters.side, from: filters.from, to: filters.to }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
  const nextQuery = new URLSearchParams(filterQuery);
  if (page.nextCursor) nextQuery.set('cursor', page.nextCursor);
  const isFiltered = filterQuery.size > 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Lessons"
        description="What went wrong, and what you will do differently next time."
        align="start"
        actions={
          <Link
            href="/lessons/new"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Add a lesson
          </Link>
        }
      />
      <LessonsNav current="list" dueCount={reviewCounts.due} />
      <LessonFilters filters={filters} />
      <p className="text-sm text-slate-600">
        Download {isFiltered ? 'these lessons' : 'all lessons'}:{' '}
        <a
          href={`/api/lessons/export?${withFormat(filterQuery, 'md')}`}
          className={textLinkClassName('hover:text-brand-900')}
          download
        >
          Markdown
        </a>{' '}
        ·{' '}
        <a
          href={`/api/lessons/export?${withFormat(filterQuery, 'csv')}`}
          className={textLinkClassName('hover:text-brand-900')}
          download
        >
          CSV (spreadsheet)
        </a>
      </p>
      {page.items.length === 0 ? (
        <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="font-semibold">{isFiltered || filters.cursor ? 'No lessons match' : 'No lessons yet'}</h2>
          <p className="mt-2 text-sm text-slate-600">
            {isFiltered
              ? 'Try another cause, the other side, or a wider date range.'
              : 'A lesson is saved at the end of every recovery. You can also add one by hand, for a near miss.'}
          </p>
        </section>
      ) : (
        <ul className="space-y-4">
          {page.items.map((lesson) => (
            <li key={lesson.id}>
              <LessonCard lesson={lesson} timeZone={user.timeZone} isDue={lesson.isDueForReview} canRetire>
                <Link
                  href={`/lessons/${lesson.id}/edit`}
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  Edit
                </Link>
              </LessonCard>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <Link
          href={`/lessons?${nextQuery}`}
          className="inline-flex rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          Older lessons
        </Link>
      ) : null}
    </div>
  );
}

function withFormat(query: URLSearchParams, format: 'md' | 'csv'): string {
  const copy = new URLSearchParams(query);
  copy.set('format', format);
  return copy.toString();
}

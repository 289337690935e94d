import Link from 'next/link';
import { ROOT_CAUSES, ROOT_CAUSE_LABELS } from '@/lib/domain/lesson-rules';
import { LESSON_SIDES, LESSON_SIDE_SHORT_LABELS } from '@/lib/domain/lesson-sides';
import type { LessonFilters as LessonFilterValues } from '@/lib/validation/lessons';

const controlClass =
  'block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100';

/**
 * A plain GET form: the filters live in the URL, so a filtered list can be bookmarked or shared,
 * and it works before (or without) any JavaScript.
 */
export function LessonFilters({ filters }: { filters: LessonFilterValues }) {
  const isFiltered = Boolean(filters.cause || filters.side || filters.from || filters.to);
  return (
    <form
      method="get"
      action="/lessons"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-label="Filter lessons"
    >
      <div className="space-y-1">
        <label htmlFor="filter-cause" className="block text-sm font-medium text-slate-800">
          Root cause
        </label>
        <select id="filter-cause" name="cause" defaultValue={filters.cause ?? ''} className={controlClass}>
          <option value="">All causes</option>
          {ROOT_CAUSES.map((cause) => (
            <option key={cause} value={cause}>
              {ROOT_CAUSE_LABELS[cause]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-side" className="block text-sm font-medium text-slate-800">
          Whose side
        </label>
        <select id="filter-side" name="side" defaultValue={filters.side ?? ''} className={controlClass}>
          <option value="">Both sides</option>
          {LESSON_SIDES.map((side) => (
            <option key={side} value={side}>
              {LESSON_SIDE_SHORT_LABELS[side]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-from" className="block text-sm font-medium text-slate-800">
          From
        </label>
        <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ''} className={controlClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-to" className="block text-sm font-medium text-slate-800">
          To
        </label>
        <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ''} className={controlClass} />
      </div>
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        Filter
      </button>
      {isFiltered ? (
        <Link href="/lessons" className="py-2 text-sm text-slate-600 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}

import { APPLICATION_SOURCES, SOURCE_LABELS } from '@/lib/domain/application-details';
import type { ApplicationTableQuery } from '@/lib/validation/application';

type Props = { query: ApplicationTableQuery; stages: readonly { id: string; name: string }[] };

const controlClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

/** The table's search and filters: a plain GET form, so every choice is in the URL. */
export function ApplicationsTableFilters({ query, stages }: Props) {
  return (
    <form action="/applications/table" role="search" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <input type="hidden" name="sort" value={query.sort} />
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <label className="text-sm lg:col-span-2">
        <span className="block font-medium">Search company or role</span>
        <input name="q" defaultValue={query.q ?? ''} maxLength={100} className={controlClass} />
      </label>
      <label className="text-sm">
        <span className="block font-medium">Stage</span>
        <select name="stage" defaultValue={query.stage ?? ''} className={controlClass}>
          <option value="">All stages</option>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Source</span>
        <select name="source" defaultValue={query.source ?? ''} className={controlClass}>
          <option value="">All sources</option>
          {APPLICATION_SOURCES.map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Applied from</span>
        <input type="date" name="from" defaultValue={query.from ?? ''} className={controlClass} />
      </label>
      <label className="text-sm">
        <span className="block font-medium">Applied to</span>
        <input type="date" name="to" defaultValue={query.to ?? ''} className={controlClass} />
      </label>
      <div className="lg:col-span-6">
        <button className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
          Apply filters
        </button>
      </div>
    </form>
  );
}

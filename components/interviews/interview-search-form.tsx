import { INTERVIEW_STATUS_LABELS, INTERVIEW_STATUSES } from '@/lib/domain/interview-status';
import type { InterviewListQuery } from '@/lib/validation/interview';

/** The search over company and role, with the status filter on the "By status" tab; a plain GET form. */
export function InterviewSearchForm({ query }: { query: Pick<InterviewListQuery, 'view' | 'status' | 'q'> }) {
  return (
    <form action="/interviews" className="flex flex-wrap items-end gap-3" role="search">
      <input type="hidden" name="view" value={query.view} />
      {query.view === 'status' ? (
        <label className="text-sm">
          <span className="block font-medium">Status</span>
          <select
            name="status"
            defaultValue={query.status ?? ''}
            className="rounded-md border border-slate-300 px-3 py-2"
          >
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
        <input
          name="q"
          defaultValue={query.q ?? ''}
          maxLength={100}
          className="rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      <button className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium">Search</button>
    </form>
  );
}

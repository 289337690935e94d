import Link from 'next/link';

/** A new account's board: what it is for and the two ways to start it. */
export function BoardEmptyState() {
  return (
    <section
      aria-labelledby="board-empty"
      className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center"
    >
      <h2 id="board-empty" className="font-semibold">
        No applications yet
      </h2>
      <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600">
        Add the jobs you have applied for, or an interview you already have (it starts its application for you). Each
        one gets a card here that you move from stage to stage, and Rebound tells you when an employer has gone quiet.
      </p>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        <Link
          href="/applications/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Add an application
        </Link>
        <Link
          href="/interviews/new"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          Add an interview
        </Link>
      </div>
    </section>
  );
}

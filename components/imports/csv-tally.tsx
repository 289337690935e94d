import type { ImportTally } from '@/lib/domain/import-report';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Counts of what an import creates or updates, for the dry run ("will be") and the report ("were"). */
export function CsvTally({ tally, tense }: { tally: ImportTally; tense: 'future' | 'past' }) {
  const verb = (future: string, past: string) => (tense === 'future' ? future : past);
  return (
    <ul className="grid gap-2 text-sm sm:grid-cols-2">
      <li>
        {plural(tally.created.applications, 'application', 'applications')} {verb('will be created', 'created')}
      </li>
      <li>
        {plural(tally.updatedApplications, 'application', 'applications')} {verb('will be updated', 'updated')} (same
        company and role as one you have)
      </li>
      <li>
        {plural(tally.created.interviews, 'interview', 'interviews')} {verb('will be created', 'created')}
      </li>
      <li>
        {plural(tally.created.contacts, 'contact', 'contacts')} {verb('will be created', 'created')}
      </li>
      {tally.unchanged > 0 ? (
        <li>
          {plural(tally.unchanged, 'row was', 'rows were')} imported before:{' '}
          {verb('nothing will change', 'nothing changed')}
        </li>
      ) : null}
    </ul>
  );
}

import type { SkippedRow } from '@/lib/domain/csv-import';
import { textLinkClassName } from '@/components/ui/text-link';

/** The skipped rows with their reasons (the first ones; the download has every one). */
export function CsvSkippedRows({
  importId,
  skipped,
  total,
}: {
  importId: string;
  skipped: readonly SkippedRow[];
  total: number;
}) {
  if (total === 0) return <p className="text-sm text-slate-600">No row is skipped.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">
        {total} {total === 1 ? 'row is' : 'rows are'} skipped
        {total > skipped.length ? ` (the first ${skipped.length} are listed)` : ''}:
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        {skipped.map((row) => (
          <li key={row.rowNumber}>
            Row {row.rowNumber}: {row.reason}
          </li>
        ))}
      </ul>
      <a href={`/api/imports/csv/${importId}/skipped`} className={textLinkClassName('text-sm')} download>
        Download skipped rows (CSV)
      </a>
    </div>
  );
}

import Link from 'next/link';
import { IMPORT_STATUS_LABELS, type ImportStatusName } from '@/lib/domain/import-view';
import { formatInZone } from '@/lib/domain/time';

type ImportSummary = {
  id: string;
  kind: 'CSV' | 'CALENDAR';
  status: ImportStatusName;
  fileName: string;
  totalRows: number;
  processedRows: number;
  createdAt: Date;
};

/** The user's latest imports: the file, when, where it stands, how many rows. */
export function ImportsList({ imports, timeZone }: { imports: readonly ImportSummary[]; timeZone: string }) {
  if (imports.length === 0) return <p className="text-sm text-slate-600">No imports yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th scope="col" className="py-2 pr-3">
            File
          </th>
          <th scope="col" className="py-2 pr-3">
            Uploaded
          </th>
          <th scope="col" className="py-2 pr-3">
            Status
          </th>
          <th scope="col" className="py-2">
            Rows
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {imports.map((item) => (
          <tr key={item.id}>
            <td className="py-2 pr-3 break-all">
              {item.kind === 'CSV' ? (
                <Link href={`/imports/csv/${item.id}`} className="text-brand-700 underline">
                  {item.fileName}
                </Link>
              ) : (
                item.fileName
              )}
            </td>
            <td className="py-2 pr-3">
              {formatInZone(item.createdAt, timeZone, { dateStyle: 'medium', timeStyle: 'short' })}
            </td>
            <td className="py-2 pr-3">{IMPORT_STATUS_LABELS[item.status]}</td>
            <td className="py-2">
              {item.status === 'PREVIEW' ? item.totalRows : `${item.processedRows} of ${item.totalRows}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { CsvPreviewRow } from '@/lib/domain/import-view';

/** Step 2: the first rows as they will be saved. */
export function CsvPreview({ rows, totalRows }: { rows: readonly CsvPreviewRow[]; totalRows: number }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-3">
      <h2 id="preview-heading" className="text-lg font-semibold">
        2. Preview
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No row of the file can be imported with these choices.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            The first {rows.length} of {totalRows} rows as they will be saved.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Row
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Company
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Role
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Stage
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Applied
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Interview
                  </th>
                  <th scope="col" className="py-2">
                    Contacts
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.rowNumber}>
                    <td className="py-2 pr-3 text-slate-500">{row.rowNumber}</td>
                    <td className="py-2 pr-3 break-words">{row.company}</td>
                    <td className="py-2 pr-3 break-words">{row.roleTitle}</td>
                    <td className="py-2 pr-3">{row.stageName}</td>
                    <td className="py-2 pr-3">{row.appliedOn ?? '—'}</td>
                    <td className="py-2 pr-3">
                      {row.interview ?? '—'}
                      {row.notices.map((notice) => (
                        <span key={notice} className="block text-xs text-amber-800">
                          {notice}
                        </span>
                      ))}
                    </td>
                    <td className="py-2 break-words">{row.contacts || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

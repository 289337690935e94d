import type { ReactNode } from 'react';

export type InsightColumn = { key: string; label: string; numeric?: boolean };

export type InsightRow = { key: string; heading: ReactNode; cells: Record<string, ReactNode> };

/** A small table of numbers with a heading per row; the bars sit in its cells. */
export function InsightTable({
  caption,
  rowHeading,
  columns,
  rows,
}: {
  caption: string;
  rowHeading: string;
  columns: readonly InsightColumn[];
  rows: readonly InsightRow[];
}) {
  return (
    // A wide table scrolls inside its box on a phone; keyboard users can focus the box to scroll it.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              {rowHeading}
            </th>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`py-1 pr-3 font-medium ${column.numeric ? 'text-right' : ''}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100 align-middle">
              <th scope="row" className="py-1.5 pr-3 font-normal">
                {row.heading}
              </th>
              {columns.map((column) => (
                <td
                  key={column.key}
                  className={`py-1.5 pr-3 ${column.numeric ? 'text-right tabular-nums whitespace-nowrap' : ''}`}
                >
                  {row.cells[column.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

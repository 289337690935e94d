import type { ChartDatum, ChartSeries } from './chart-types';
import { sumValues } from './chart-types';

type DataTableProps = {
  caption: string;
  rowHeading: string;
  series: readonly ChartSeries[];
  data: readonly ChartDatum[];
  /** A total column, for stacked charts. */
  showTotal?: boolean;
};

/** The numbers behind a chart, for screen readers and for anyone who wants the exact values. */
export function DataTable({ caption, rowHeading, series, data, showTotal = false }: DataTableProps) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left text-sm font-medium text-slate-700">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-600">
          <th scope="col" className="py-1 pr-3 font-medium">
            {rowHeading}
          </th>
          {series.map((item) => (
            <th key={item.key} scope="col" className="py-1 pr-3 text-right font-medium">
              {item.label}
            </th>
          ))}
          {showTotal ? (
            <th scope="col" className="py-1 text-right font-medium">
              Total
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {data.map((datum) => (
          <tr key={datum.key} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 font-normal">
              {datum.label}
            </th>
            {series.map((item) => (
              <td key={item.key} className="py-1 pr-3 text-right tabular-nums">
                {datum.values[item.key] ?? 0}
              </td>
            ))}
            {showTotal ? (
              <td className="py-1 text-right font-medium tabular-nums">{sumValues(datum, series)}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { ReactNode } from 'react';
import { ROOT_CAUSE_LABELS } from '@/lib/domain/lesson-rules';
import { dropLeadingEmptyMonths, formatDuration, formatMonthLabel, formatPercent } from '@/lib/domain/lesson-stats';
import type { LessonPatterns, MonthRow, OutcomeBucket } from '@/lib/domain/lesson-stats';
import type { ChartDatum, ChartSeries } from './chart-types';
import { ColumnChart } from './column-chart';
import { DataTable } from './data-table';
import { HorizontalBarChart } from './horizontal-bar-chart';

const INCIDENT_SERIES: readonly ChartSeries[] = [
  { key: 'missed', label: 'Missed', fillClass: 'fill-brand-600', swatchClass: 'bg-brand-600' },
  { key: 'runningLate', label: 'Running late', fillClass: 'fill-amber-500', swatchClass: 'bg-amber-500' },
];
const CAUSE_SERIES: readonly ChartSeries[] = [
  ...INCIDENT_SERIES,
  { key: 'nearMisses', label: 'Near misses', fillClass: 'fill-slate-400', swatchClass: 'bg-slate-400' },
];
const COUNT_SERIES: readonly ChartSeries[] = [
  { key: 'count', label: 'Incidents', fillClass: 'fill-brand-600', swatchClass: 'bg-brand-600' },
];
const REQUEST_SERIES: readonly ChartSeries[] = [
  { key: 'accepted', label: 'Accepted', fillClass: 'fill-green-600', swatchClass: 'bg-green-600' },
  { key: 'declined', label: 'Declined', fillClass: 'fill-red-600', swatchClass: 'bg-red-600' },
  { key: 'noResponse', label: 'No answer', fillClass: 'fill-slate-400', swatchClass: 'bg-slate-400' },
  { key: 'pending', label: 'Waiting', fillClass: 'fill-amber-400', swatchClass: 'bg-amber-400' },
];

const OUTCOME_LABELS: Readonly<Record<OutcomeBucket, string>> = {
  RESCHEDULED: 'Rescheduled',
  DECLINED: 'Declined',
  NO_RESPONSE: 'No answer',
  ATTENDED_LATE: 'Seen late, same day',
  WAITING: 'Waiting for an answer',
  NOT_ASKED: 'Not asked yet',
};

function ChartSection({
  title,
  description,
  chart,
  table,
}: {
  title: string;
  description: ReactNode;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-label={title}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-1 text-sm text-slate-600">{description}</div>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <div>{chart}</div>
        {/* A long table scrolls; keyboard users need to be able to focus the box to scroll it. */}
        <div
          role="region"
          aria-label={`${title}: table`}
          tabIndex={0}
          className="max-h-96 overflow-y-auto rounded focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {table}
        </div>
      </div>
    </section>
  );
}

export function CauseSection({ patterns }: { patterns: LessonPatterns }) {
  const data: ChartDatum[] = patterns.byCause
    .filter((row) => row.missed + row.runningLate + row.nearMisses > 0)
    .map((row) => ({
      key: row.rootCause,
      label: ROOT_CAUSE_LABELS[row.rootCause],
      values: { missed: row.missed, runningLate: row.runningLate, nearMisses: row.nearMisses },
    }));
  return (
    <ChartSection
      title="Misses by root cause"
      description="The cause from your lesson when you saved one, otherwise the reason you gave. Near misses are the lessons you added by hand."
      chart={<HorizontalBarChart id="chart-causes" title="Misses by root cause" series={CAUSE_SERIES} data={data} />}
      table={
        <DataTable caption="Misses by root cause" rowHeading="Root cause" series={CAUSE_SERIES} data={data} showTotal />
      }
    />
  );
}

export function MonthSection({ patterns }: { patterns: LessonPatterns }) {
  const rows = dropLeadingEmptyMonths(patterns.byMonth, (row) => row.missed + row.runningLate === 0);
  const chartData: ChartDatum[] = rows.map((row, index) => {
    const [year = '', month = ''] = row.month.split('-');
    const short = formatMonthLabel(row.month).slice(0, 3);
    // The year only where it changes, so two Marches cannot be confused.
    return {
      key: row.month,
      label: index === 0 || month === '01' ? `${short} ’${year.slice(2)}` : short,
      values: countsOf(row),
    };
  });
  const tableData: ChartDatum[] = [...rows]
    .reverse()
    .map((row) => ({ key: row.month, label: formatMonthLabel(row.month), values: countsOf(row) }));
  const first = rows[0];
  const last = rows.at(-1);
  return (
    <ChartSection
      title="Misses over time"
      description={
        first && last
          ? first === last
            ? `Incidents in ${formatMonthLabel(first.month)}, the only month with any.`
            : `Incidents per month, from ${formatMonthLabel(first.month)} (the first with any) to ${formatMonthLabel(last.month)}.`
          : 'No missed or late interviews yet: only near misses.'
      }
      chart={<ColumnChart id="chart-months" title="Misses per month" series={INCIDENT_SERIES} data={chartData} />}
      table={
        <DataTable
          caption="Misses per month, newest first"
          rowHeading="Month"
          series={INCIDENT_SERIES}
          data={tableData}
          showTotal
        />
      }
    />
  );
}

function countsOf(row: MonthRow): Record<string, number> {
  return { missed: row.missed, runningLate: row.runningLate };
}

export function OutcomeSection({ patterns }: { patterns: LessonPatterns }) {
  const data: ChartDatum[] = patterns.outcomes
    .filter((row) => row.count > 0)
    .map((row) => ({ key: row.outcome, label: OUTCOME_LABELS[row.outcome], values: { count: row.count } }));
  return (
    <ChartSection
      title="How recoveries ended"
      description="The outcome you recorded, or for a recovery still open, where its reschedule request stands."
      chart={<HorizontalBarChart id="chart-outcomes" title="Recovery outcomes" series={COUNT_SERIES} data={data} />}
      table={<DataTable caption="Recovery outcomes" rowHeading="Outcome" series={COUNT_SERIES} data={data} />}
    />
  );
}

export function RescheduleSection({ patterns }: { patterns: LessonPatterns }) {
  const { reschedule } = patterns;
  const { accepted, declined, noResponse, pending } = reschedule;
  const data: ChartDatum[] = [
    { key: 'requests', label: 'Your requests', values: { accepted, declined, noResponse, pending } },
  ];
  return (
    <ChartSection
      title={`Reschedule success rate: ${formatPercent(reschedule.successRate)}`}
      description="Accepted out of the requests the employer decided on (accepted or declined). Unanswered and waiting requests are shown but not counted."
      chart={
        <HorizontalBarChart
          id="chart-requests"
          title="Reschedule requests by answer"
          series={REQUEST_SERIES}
          data={data}
        />
      }
      table={
        <DataTable
          caption="Reschedule requests by answer"
          rowHeading="Requests"
          series={REQUEST_SERIES}
          data={data}
          showTotal
        />
      }
    />
  );
}

export function SpeedSection({ patterns }: { patterns: LessonPatterns }) {
  const { timing } = patterns;
  const rows = [
    {
      key: 'call',
      label: 'From the miss to your call',
      median: timing.medianMinutesToCall,
      counted: timing.callsCounted,
    },
    {
      key: 'apology',
      label: 'From the miss to the apology sent',
      median: timing.medianMinutesToApology,
      counted: timing.apologiesCounted,
    },
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="speed-title">
      <h2 id="speed-title" className="text-lg font-semibold">
        How fast you got in touch
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The sooner the employer hears from you, the better. Half of your recoveries were faster than this.
      </p>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2">
        {rows.map((row) => (
          <div key={row.key} className="rounded-md bg-slate-50 p-4">
            <dt className="text-sm text-slate-600">{row.label} (median)</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatDuration(row.median)}</dd>
            <dd className="text-xs text-slate-500">
              {row.counted === 1 ? 'from 1 incident' : `from ${row.counted} incidents`}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const COMPANY_COLUMNS = [
  { key: 'missed', label: 'Missed or late' },
  { key: 'rescheduledRounds', label: 'Rounds rescheduled' },
  { key: 'requestsAccepted', label: 'Requests accepted' },
  { key: 'requestsDeclined', label: 'Requests declined' },
] as const;

/** Whom the user missed and who rescheduled, per employer: a plain table, the numbers written out. */
export function CompanySection({ patterns }: { patterns: LessonPatterns }) {
  if (patterns.byCompany.length === 0) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="company-title">
      <h2 id="company-title" className="text-lg font-semibold">
        By company
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Whom you missed, and who rescheduled: rounds that replaced another, and the reschedule requests the employer
        answered. A lesson whose interview was deleted still counts under the company it named.
      </p>
      <div
        role="region"
        aria-label="By company: table"
        tabIndex={0}
        className="mt-4 max-h-96 overflow-auto rounded focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Misses and reschedules by company</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                Company
              </th>
              {COMPANY_COLUMNS.map((column) => (
                <th key={column.key} scope="col" className="py-1 pr-3 text-right font-medium">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {patterns.byCompany.map((row) => (
              <tr key={row.company.toLowerCase()} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.company}
                </th>
                {COMPANY_COLUMNS.map((column) => (
                  <td key={column.key} className="py-1 pr-3 text-right tabular-nums">
                    {row[column.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

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
      description="Your side only. The cause from your lesson when you saved one, otherwise the reason you gave. Near misses are the lessons about your side you added by hand."
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
            ? `Your misses and late arrivals in ${formatMonthLabel(first.month)}, the only month with any.`
            : `Your misses and late arrivals per month, from ${formatMonthLabel(first.month)} (the first with any) to ${formatMonthLabel(last.month)}.`
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
      description="Your recoveries after a miss or a late arrival: the outcome you recorded, or for one still open, where its reschedule request stands."
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
      description="Your requests after a miss or a late arrival: accepted out of the ones the employer decided on (accepted or declined). Unanswered and waiting requests are shown but not counted."
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
  { key: 'requestsAccepted', label: 'Requests accepted' },
  { key: 'requestsDeclined', label: 'Requests declined' },
] as const;

const EMPLOYER_COLUMNS = [
  { key: 'noShows', label: 'No-shows' },
  { key: 'reschedules', label: 'Rescheduled by them' },
] as const;

type CompanyTableProps<Row extends { company: string }> = {
  id: string;
  caption: string;
  columns: readonly { key: Exclude<keyof Row, 'company'>; label: string }[];
  rows: readonly Row[];
};

/** A plain table, the numbers written out; it scrolls sideways on a narrow screen rather than squeezing. */
function CompanyTable<Row extends { company: string }>({ id, caption, columns, rows }: CompanyTableProps<Row>) {
  return (
    <div
      role="region"
      aria-label={`${caption}: table`}
      tabIndex={0}
      className="mt-4 max-h-96 overflow-auto rounded focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table id={id} className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              Company
            </th>
            {columns.map((column) => (
              <th key={String(column.key)} scope="col" className="py-1 pr-3 text-right font-medium">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.company.toLowerCase()} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                {row.company}
              </th>
              {columns.map((column) => (
                <td key={String(column.key)} className="py-1 pr-3 text-right tabular-nums">
                  {String(row[column.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Your side per employer: whom you missed or were late for, and how they answered your requests. */
export function CompanySection({ patterns }: { patterns: LessonPatterns }) {
  if (patterns.byCompany.length === 0) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="company-title">
      <h2 id="company-title" className="text-lg font-semibold">
        Your side, by company
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Whom you missed or were late for, and how they answered when you asked to reschedule. A lesson whose interview
        was deleted still counts under the company it named.
      </p>
      <CompanyTable
        id="table-company-candidate"
        caption="Your side: misses and reschedule requests by company"
        columns={COMPANY_COLUMNS}
        rows={patterns.byCompany}
      />
    </section>
  );
}

/**
 * The employer's side per employer: the interviews they did not show up to and the times they
 * moved one. Kept apart from the charts, which are about what you can prepare for.
 */
export function EmployerSideSection({ patterns }: { patterns: LessonPatterns }) {
  const { noShows, employerReschedules } = patterns.totals;
  const isEmpty = noShows + employerReschedules === 0;
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      aria-labelledby="employer-side-title"
    >
      <h2 id="employer-side-title" className="text-lg font-semibold">
        The employer’s side, by company
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        What employers caused: interviews they didn’t show up to, and the times they moved one, by asking you or by an
        updated invitation. A new time they gave after you missed one is on your side, as an accepted request. None of
        this is in the charts above.
      </p>
      {isEmpty ? (
        <p className="mt-4 text-sm text-slate-700">No employer has missed an interview with you or moved one yet.</p>
      ) : (
        <>
          <dl className="mt-4 grid grid-cols-2 gap-4">
            <div className="rounded-md bg-slate-50 p-4">
              <dt className="text-sm text-slate-600">No-shows</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{noShows}</dd>
            </div>
            <div className="rounded-md bg-slate-50 p-4">
              <dt className="text-sm text-slate-600">Rescheduled by them</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{employerReschedules}</dd>
            </div>
          </dl>
          <CompanyTable
            id="table-company-employer"
            caption="The employer’s side: no-shows and reschedules by company"
            columns={EMPLOYER_COLUMNS}
            rows={patterns.byEmployerCompany}
          />
        </>
      )}
    </section>
  );
}

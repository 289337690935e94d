import type { ReactNode } from 'react';
import { TextLink } from '@/components/ui/text-link';
import {
  formatDays,
  formatSourceLabel,
  formatWeekLabel,
  REPLY_DEFINITION,
  type ApplicationInsights,
} from '@/lib/domain/application-insights';
import { formatPercent } from '@/lib/domain/lesson-stats';
import { InsightTable } from './insight-table';
import { ValueBar } from './value-bar';

function Block({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    // min-w-0: a grid item is as wide as its content by default, so a wide table would widen the page on a phone.
    <div aria-labelledby={id} role="group" className="min-w-0 space-y-2">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <p className="text-sm text-slate-600">{description}</p>
      {children}
    </div>
  );
}

const countLabel = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function WeeksBlock({ weeks }: { weeks: ApplicationInsights['weeks'] }) {
  const max = Math.max(0, ...weeks.map((week) => week.count));
  const total = weeks.reduce((sum, week) => sum + week.count, 0);
  return (
    <Block
      id="insights-weeks"
      title="Applications per week"
      description={`${countLabel(total, 'application', 'applications')} in the last ${weeks.length} weeks, by applied date (else the day you added it); weeks start on Monday.`}
    >
      <InsightTable
        caption="Applications per week, newest first"
        rowHeading="Week of"
        columns={[
          { key: 'count', label: 'Applications', numeric: true },
          { key: 'bar', label: 'Chart' },
        ]}
        rows={[...weeks].reverse().map((week) => ({
          key: week.week,
          heading: formatWeekLabel(week.week),
          cells: { count: week.count, bar: <ValueBar value={week.count} max={max} /> },
        }))}
      />
    </Block>
  );
}

function FunnelBlock({ funnel }: { funnel: ApplicationInsights['funnel'] }) {
  const max = funnel[0]?.reached ?? 0;
  return (
    <Block
      id="insights-funnel"
      title="Stage funnel"
      description="How many applications got at least as far as each open stage (from their stage history), and the share of those that went on to the next."
    >
      <InsightTable
        caption="Stage funnel"
        rowHeading="Stage"
        columns={[
          { key: 'reached', label: 'Reached', numeric: true },
          { key: 'bar', label: 'Chart' },
          { key: 'next', label: 'Went on to the next', numeric: true },
        ]}
        rows={funnel.map((step) => ({
          key: step.stageId,
          heading: step.name,
          cells: {
            reached: step.reached,
            bar: <ValueBar value={step.reached} max={max} />,
            next: step.conversionToNext === null ? '—' : formatPercent(step.conversionToNext),
          },
        }))}
      />
    </Block>
  );
}

function SourcesBlock({ sources }: { sources: ApplicationInsights['bySource'] }) {
  return (
    <Block id="insights-sources" title="Replies by source" description={REPLY_DEFINITION}>
      {sources.length === 0 ? (
        <p className="text-sm text-slate-600">No application sent yet.</p>
      ) : (
        <InsightTable
          caption="Response rate and time to first reply by source"
          rowHeading="Source"
          columns={[
            { key: 'applied', label: 'Sent', numeric: true },
            { key: 'replied', label: 'Replied', numeric: true },
            { key: 'rate', label: 'Response rate', numeric: true },
            { key: 'bar', label: 'Chart' },
            { key: 'median', label: 'Median time to reply', numeric: true },
          ]}
          rows={sources.map((row) => ({
            key: row.source ?? 'none',
            heading: formatSourceLabel(row.source),
            cells: {
              applied: row.applied,
              replied: row.replied,
              rate: formatPercent(row.responseRate),
              bar: <ValueBar value={row.replied} max={row.applied} className="bg-green-600" />,
              median: formatDays(row.medianDaysToReply),
            },
          }))}
        />
      )}
    </Block>
  );
}

function StallsBlock({ stalls }: { stalls: ApplicationInsights['stalls'] }) {
  return (
    <Block
      id="insights-stalls"
      title="Where applications stall"
      description="Open applications in each stage, how long they have been there (median), and how many have gone quiet for longer than the stage's no-reply threshold."
    >
      <InsightTable
        caption="Open applications per stage"
        rowHeading="Stage"
        columns={[
          { key: 'open', label: 'Open', numeric: true },
          { key: 'median', label: 'Median time in stage', numeric: true },
          { key: 'past', label: 'Past the no-reply threshold', numeric: true },
        ]}
        rows={stalls.map((row) => ({
          key: row.stageId,
          heading: row.name,
          cells: {
            open: row.open,
            median: formatDays(row.medianDaysInStage),
            past:
              row.noReplyDays === null
                ? 'No threshold'
                : `${row.pastThreshold} (after ${countLabel(row.noReplyDays, 'day', 'days')})`,
          },
        }))}
      />
    </Block>
  );
}

/** The patterns page's "Your applications": per week, the funnel, replies by source and stalls. */
export function ApplicationInsightsSection({ insights }: { insights: ApplicationInsights }) {
  return (
    <section
      aria-labelledby="insights-title"
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div>
        <h2 id="insights-title" className="text-lg font-semibold">
          Your applications
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {insights.total === 0 ? (
            <>
              Nothing to show yet.{' '}
              <TextLink href="/applications/new" className="hover:text-brand-900">
                Add an application
              </TextLink>{' '}
              and see here how your search is going.
            </>
          ) : (
            `${countLabel(insights.total, 'application', 'applications')} so far.`
          )}
        </p>
      </div>
      {insights.total === 0 ? null : (
        <div className="grid gap-8 lg:grid-cols-2">
          <WeeksBlock weeks={insights.weeks} />
          <FunnelBlock funnel={insights.funnel} />
          <SourcesBlock sources={insights.bySource} />
          <StallsBlock stalls={insights.stalls} />
        </div>
      )}
    </section>
  );
}

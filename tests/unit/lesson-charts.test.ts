import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ColumnChart } from '@/components/lessons/column-chart';
import { DataTable } from '@/components/lessons/data-table';
import { HorizontalBarChart } from '@/components/lessons/horizontal-bar-chart';
import { LessonsDueCard } from '@/components/lessons/lessons-due-card';
import { CompanySection, EmployerSideSection, MonthSection } from '@/components/lessons/pattern-sections';
import { PreventionHints } from '@/components/lessons/prevention-hints';
import { Card } from '@/components/ui/card';
import type { ChartDatum, ChartSeries } from '@/components/lessons/chart-types';
import { findApplicableLessons } from '@/lib/domain/lesson-rules';
import { listMonthKeys } from '@/lib/domain/lesson-stats';
import type { LessonPatterns } from '@/lib/domain/lesson-stats';

const series: ChartSeries[] = [
  { key: 'missed', label: 'Missed', fillClass: 'fill-brand-600', swatchClass: 'bg-brand-600' },
  { key: 'late', label: 'Running late', fillClass: 'fill-amber-500', swatchClass: 'bg-amber-500' },
];
const data: ChartDatum[] = [
  { key: 'a', label: 'Traffic or transport', values: { missed: 3, late: 1 } },
  { key: 'b', label: 'Forgot', values: { missed: 0, late: 2 } },
];

describe('charts', () => {
  it('draws server-side SVG with a fixed aspect ratio and an accessible name', () => {
    const html = renderToStaticMarkup(
      createElement(HorizontalBarChart, { id: 'c1', title: 'Misses by root cause', series, data }),
    );
    expect(html).toMatch(/<svg viewBox="0 0 480 78" width="480" height="78"[^>]*role="img" aria-labelledby="c1-title"/);
    expect(html).toContain(
      '<title id="c1-title">Misses by root cause (bar chart; the table beside it has the numbers)</title>',
    );
    // One rectangle per non-zero segment; zero segments draw nothing.
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain('Running late');
  });

  it('draws columns for every month, even empty ones, and survives all-zero data', () => {
    const months: ChartDatum[] = Array.from({ length: 14 }, (_, index) => ({
      key: `m${index}`,
      label: `M${index}`,
      values: { missed: index === 3 ? 2 : 0 },
    }));
    const html = renderToStaticMarkup(
      createElement(ColumnChart, { id: 'c2', title: 'Per month', series: series.slice(0, 1), data: months }),
    );
    expect(html.match(/<rect /g)).toHaveLength(1);
    expect(html).not.toContain('NaN');
    const empty = renderToStaticMarkup(createElement(ColumnChart, { id: 'c3', title: 'Per month', series, data: [] }));
    expect(empty).not.toContain('NaN');
  });

  it('puts the numbers in a table with a caption and scoped headers', () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, {
        caption: 'Misses by root cause',
        rowHeading: 'Root cause',
        series,
        data,
        showTotal: true,
      }),
    );
    expect(html).toContain('<caption');
    expect(html).toContain('Misses by root cause</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(4);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toMatch(/Traffic or transport<\/th><td[^>]*>3<\/td><td[^>]*>1<\/td><td[^>]*>4<\/td>/);
  });
});

describe('components for other areas', () => {
  const dueCard = (due: number, total: number) =>
    renderToStaticMarkup(createElement(LessonsDueCard, { count: { due, total } }));

  it('LessonsDueCard links to the review when lessons are due', () => {
    expect(dueCard(3, 5)).toContain('href="/lessons/review"');
    expect(dueCard(1, 5)).toContain('1 lesson is due');
  });

  it('LessonsDueCard does not call a user without lessons reviewed', () => {
    const empty = dueCard(0, 0);
    expect(empty).toContain('No lessons yet');
    expect(empty).not.toMatch(/reviewed|Nothing is due/);
    expect(empty).toContain('href="/lessons/new"');
    expect(dueCard(0, 4)).toContain('Nothing is due');
  });

  it('LessonsDueCard is the same card as its dashboard neighbours', () => {
    const neighbour = renderToStaticMarkup(Card({ title: 'The week ahead', children: 'x' }));
    const sectionClass = (html: string) => /<section[^>]*class="([^"]*)"/.exec(html)?.[1];
    const headingClass = (html: string) => /<h2[^>]*class="([^"]*)"/.exec(html)?.[1];
    expect(sectionClass(dueCard(0, 0))).toBe(sectionClass(neighbour));
    expect(headingClass(dueCard(2, 2))).toBe(headingClass(neighbour));
  });

  it('PreventionHints shows each suggestion once with its actions, and nothing without hints', () => {
    const interview = {
      format: 'IN_PERSON' as const,
      scheduledStart: new Date('2026-06-10T09:00:00Z'),
      timeZone: 'Europe/London',
      travelMinutes: 30,
      bufferMinutes: 0,
    };
    const lessons = [
      { id: 'l1', rootCause: 'TRAFFIC_TRANSPORT' as const, actions: [{ text: 'Check <the> trains', retiredAt: null }] },
      { id: 'l2', rootCause: 'TRAFFIC_TRANSPORT' as const, actions: [{ text: 'Leave earlier', retiredAt: null }] },
    ];
    const html = renderToStaticMarkup(
      createElement(PreventionHints, { hints: findApplicableLessons(interview, lessons, 'Europe/London') }),
    );
    expect(html.match(/More time for the journey/g)).toHaveLength(1);
    expect(html).toContain('The leave-by time for this interview includes them.');
    expect(html).toContain('Check &lt;the&gt; trains');
    expect(html).toContain('Leave earlier');
    expect(renderToStaticMarkup(createElement(PreventionHints, { hints: [] }))).toBe('');
  });
});

describe('MonthSection', () => {
  const patterns: LessonPatterns = {
    byCause: [],
    byMonth: listMonthKeys('2025-07', '2026-06').map((month) => ({
      month,
      missed: month === '2026-05' ? 1 : 0,
      runningLate: 0,
    })),
    outcomes: [],
    timing: { medianMinutesToCall: null, callsCounted: 0, medianMinutesToApology: null, apologiesCounted: 0 },
    reschedule: { accepted: 0, declined: 0, noResponse: 0, pending: 0, successRate: null },
    byCompany: [],
    byEmployerCompany: [],
    totals: { incidents: 1, nearMisses: 0, noShows: 0, employerReschedules: 0 },
  };

  it('lists the months from the first incident on, not eleven empty ones', () => {
    const html = renderToStaticMarkup(createElement(MonthSection, { patterns }));
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toContain('May 2026');
    expect(html).not.toContain('July 2025');
  });

  it('lets keyboard users focus the scrolling table', () => {
    const html = renderToStaticMarkup(createElement(MonthSection, { patterns }));
    expect(html).toMatch(/<div role="region" aria-label="Misses over time: table" tabindex="0"/);
  });
});

describe('the two sides by company', () => {
  const base: LessonPatterns = {
    byCause: [],
    byMonth: [],
    outcomes: [],
    timing: { medianMinutesToCall: null, callsCounted: 0, medianMinutesToApology: null, apologiesCounted: 0 },
    reschedule: { accepted: 0, declined: 0, noResponse: 0, pending: 0, successRate: null },
    byCompany: [{ company: 'Contoso', missed: 2, requestsAccepted: 1, requestsDeclined: 0 }],
    byEmployerCompany: [],
    totals: { incidents: 2, nearMisses: 0, noShows: 0, employerReschedules: 0 },
  };

  it('labels your side’s table and leaves the employer’s numbers out of it', () => {
    const html = renderToStaticMarkup(createElement(CompanySection, { patterns: base }));
    expect(html).toContain('Your side, by company');
    expect(html).toContain('<caption class="sr-only">Your side: misses and reschedule requests by company</caption>');
    expect(html).toContain('Missed or late');
    expect(html).not.toContain('No-shows');
  });

  it('says in words when no employer has done anything yet', () => {
    const html = renderToStaticMarkup(createElement(EmployerSideSection, { patterns: base }));
    expect(html).toContain('The employer’s side, by company');
    expect(html).toContain('No employer has missed an interview with you or moved one yet.');
    expect(html).not.toContain('<table');
  });

  it('shows the employer’s totals and a row per company, numbers written out', () => {
    const patterns: LessonPatterns = {
      ...base,
      byEmployerCompany: [
        { company: 'Fabrikam', noShows: 2, reschedules: 1 },
        { company: 'Contoso', noShows: 0, reschedules: 3 },
      ],
      totals: { ...base.totals, noShows: 2, employerReschedules: 4 },
    };
    const html = renderToStaticMarkup(createElement(EmployerSideSection, { patterns }));
    expect(html).toMatch(/<dt[^>]*>No-shows<\/dt><dd[^>]*>2<\/dd>/);
    expect(html).toMatch(/<dt[^>]*>Rescheduled by them<\/dt><dd[^>]*>4<\/dd>/);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toMatch(
      /<div role="region" aria-label="The employer’s side: no-shows and reschedules by company: table" tabindex="0"/,
    );
    expect(html).toContain('None of this is in the charts above.');
  });
});

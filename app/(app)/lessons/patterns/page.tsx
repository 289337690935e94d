import type { Metadata } from 'next';
import { ApplicationInsightsSection } from '@/components/applications/insights/application-insights-section';
import { LessonsNav } from '@/components/lessons/lessons-nav';
import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';
import {
  CauseSection,
  CompanySection,
  EmployerSideSection,
  MonthSection,
  OutcomeSection,
  RescheduleSection,
  SpeedSection,
} from '@/components/lessons/pattern-sections';
import { loadPatternsPage } from '@/lib/server/pages/lessons';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Patterns' };

export default async function PatternsPage() {
  const user = await requireUser('/lessons/patterns');
  const now = new Date();
  const { patterns, applications, reviewCounts } = await loadPatternsPage(user, now);
  const { incidents, nearMisses, noShows, employerReschedules } = patterns.totals;
  const isYourSideEmpty = incidents === 0 && nearMisses === 0;
  const isEmployerSideEmpty = noShows === 0 && employerReschedules === 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Patterns"
        description={
          isYourSideEmpty && isEmployerSideEmpty
            ? 'No misses to chart yet.'
            : `Your side: ${count(incidents, 'incident', 'incidents')} and ${count(nearMisses, 'near miss', 'near misses')}. The employer’s side: ${count(noShows, 'no-show', 'no-shows')} and ${count(employerReschedules, 'reschedule', 'reschedules')}. What keeps going wrong is what to prepare for.`
        }
      />
      <LessonsNav current="patterns" dueCount={reviewCounts.due} />
      {isYourSideEmpty ? (
        <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="font-semibold">No misses recorded</h2>
          <p className="mt-2 text-sm text-slate-600">
            Patterns of your side appear once you record a missed interview or{' '}
            <TextLink href="/lessons/new" className="hover:text-brand-900">
              add a lesson by hand
            </TextLink>
            .
          </p>
        </section>
      ) : (
        <>
          <CauseSection patterns={patterns} />
          <MonthSection patterns={patterns} />
          <OutcomeSection patterns={patterns} />
          <SpeedSection patterns={patterns} />
          <RescheduleSection patterns={patterns} />
          <CompanySection patterns={patterns} />
        </>
      )}
      {isYourSideEmpty && isEmployerSideEmpty ? null : <EmployerSideSection patterns={patterns} />}
      <ApplicationInsightsSection insights={applications} />
    </div>
  );
}

function count(value: number, one: string, many: string): string {
  return value === 1 ? `1 ${one}` : `${value} ${many}`;
}

import type { Metadata } from 'next';
import { ApplicationInsightsSection } from '@/components/applications/insights/application-insights-section';
import { LessonsNav } from '@/components/lessons/lessons-nav';
import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';
import {
  CauseSection,
  CompanySection,
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
  const isEmpty = patterns.totals.incidents === 0 && patterns.totals.nearMisses === 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Patterns"
        description={
          isEmpty
            ? 'No misses to chart yet.'
            : `${patterns.totals.incidents === 1 ? '1 incident' : `${patterns.totals.incidents} incidents`} and ${
                patterns.totals.nearMisses === 1 ? '1 near miss' : `${patterns.totals.nearMisses} near misses`
              } so far. What keeps going wrong is what to prepare for.`
        }
      />
      <LessonsNav current="patterns" dueCount={reviewCounts.due} />
      {isEmpty ? (
        <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="font-semibold">No misses recorded</h2>
          <p className="mt-2 text-sm text-slate-600">
            Patterns appear once you record a missed interview or{' '}
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
      <ApplicationInsightsSection insights={applications} />
    </div>
  );
}

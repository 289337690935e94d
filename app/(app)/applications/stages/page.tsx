import type { Metadata } from 'next';
import { ApplicationsViews } from '@/components/applications/applications-views';
import { AddStageForm } from '@/components/applications/stages/add-stage-form';
import { StageGroups } from '@/components/applications/stages/stage-groups';
import { PageHeader } from '@/components/ui/page-header';
import { loadApplicationStagesPage } from '@/lib/server/pages/application-stages';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Stages' };

export default async function ApplicationStagesPage() {
  const user = await requireUser('/applications/stages');
  const { stages } = await loadApplicationStagesPage(user.id);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Stages"
        description="The steps your applications move through. Rename, reorder, add or remove them, and choose when silence counts."
        align="start"
      />
      <ApplicationsViews current="/applications/stages" />
      <StageGroups stages={stages} />
      <section aria-labelledby="add-stage-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="add-stage-heading" className="text-lg font-semibold text-slate-900">
          Add a stage
        </h2>
        <div className="mt-4">
          <AddStageForm stages={stages.map(({ id, name }) => ({ id, name }))} />
        </div>
      </section>
    </div>
  );
}

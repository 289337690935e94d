import type { Metadata } from 'next';
import { ApplicationForm } from '@/components/applications/application-form';
import { PageHeader } from '@/components/ui/page-header';
import { loadNewApplicationPage } from '@/lib/server/pages/application-form';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Add an application' };

export default async function NewApplicationPage() {
  const user = await requireUser('/applications/new');
  const { stages, defaultStageId } = await loadNewApplicationPage(user.id);

  return (
    <div className="space-y-6">
      <PageHeader title="Add an application" />
      <ApplicationForm
        defaults={{ company: '', roleTitle: '', isRemote: false }}
        stages={stages}
        defaultStageId={defaultStageId}
      />
    </div>
  );
}

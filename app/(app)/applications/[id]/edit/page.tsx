import type { Metadata } from 'next';
import { ApplicationForm } from '@/components/applications/application-form';
import { PageHeader } from '@/components/ui/page-header';
import { loadEditApplicationPage } from '@/lib/server/pages/application-form';
import { requireUser } from '@/lib/session';
import { orNotFound } from '@/app/(app)/or-not-found';

export const metadata: Metadata = { title: 'Edit application' };

export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/applications/${id}/edit`);
  const { company, roleTitle, defaults } = await orNotFound(loadEditApplicationPage(user.id, id));

  return (
    <div className="space-y-6">
      <PageHeader title={`Edit: ${company} — ${roleTitle}`} />
      <ApplicationForm defaults={defaults} applicationId={id} />
    </div>
  );
}

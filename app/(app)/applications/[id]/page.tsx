import type { Metadata } from 'next';
import { ApplicationEmployerRecord } from '@/components/applications/application-employer-record';
import { ApplicationContacts } from '@/components/applications/application-contacts';
import { ApplicationHeader } from '@/components/applications/application-header';
import { ApplicationReply } from '@/components/applications/application-reply';
import { ApplicationRounds } from '@/components/applications/application-rounds';
import { ApplicationStageControl } from '@/components/applications/application-stage-control';
import { ApplicationTimeline } from '@/components/applications/application-timeline';
import { DeleteApplication } from '@/components/applications/delete-application';
import { Card } from '@/components/ui/card';
import { loadApplicationPage } from '@/lib/server/pages/application';
import { requireUser } from '@/lib/session';
import { orNotFound } from '@/app/(app)/or-not-found';

export const metadata: Metadata = { title: 'Application' };

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/applications/${id}`);
  const { application, stages, ghost, canMarkGhosted, deletion, employerReschedules, employerNoShows } =
    await orNotFound(loadApplicationPage(user, id, new Date()));

  return (
    <div className="space-y-6">
      <ApplicationHeader application={application} />
      <div className="grid gap-6 md:grid-cols-2">
        <ApplicationStageControl applicationId={application.id} currentStageId={application.stage.id} stages={stages} />
        <ApplicationReply
          applicationId={application.id}
          stageId={application.stage.id}
          lastReplyAt={application.lastReplyAt}
          ghost={ghost}
          canMarkGhosted={canMarkGhosted}
          timeZone={user.timeZone}
        />
      </div>
      <ApplicationEmployerRecord employerReschedules={employerReschedules} employerNoShows={employerNoShows} />
      <ApplicationRounds applicationId={application.id} rounds={application.interviews} timeZone={user.timeZone} />
      <div className="grid gap-6 md:grid-cols-2">
        <ApplicationContacts applicationId={application.id} contacts={application.contacts} />
        <ApplicationTimeline changes={application.stageChanges} timeZone={user.timeZone} />
      </div>
      <Card title="Notes">
        {application.notes ? (
          <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{application.notes}</p>
        ) : (
          <p className="text-sm text-slate-600">No notes.</p>
        )}
      </Card>
      <DeleteApplication applicationId={application.id} counts={deletion} />
    </div>
  );
}

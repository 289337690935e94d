import type { Metadata } from 'next';
import { InvitationUpload } from '@/components/imports/invitation-upload';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Import an invitation' };

export default async function CalendarImportUploadPage() {
  await requireUser('/imports/calendar');
  return (
    <div className="space-y-6">
      <PageHeader
        title="Add interviews from invitations"
        description="The .ics file an employer's invitation came with (Google Calendar, Outlook or Teams, Zoom, Calendly, Apple). You check each interview before anything is saved; a later version of the same invitation updates it."
      />
      <InvitationUpload />
    </div>
  );
}

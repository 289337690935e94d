import type { Metadata } from 'next';
import { CsvUploadForm } from '@/components/imports/csv-upload-form';
import { ImportsList } from '@/components/imports/imports-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';
import { loadImportsPage } from '@/lib/server/pages/imports';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportsPage() {
  const user = await requireUser('/imports');
  const { imports } = await loadImportsPage(user.id);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Import"
        description="Bring in applications and interviews from a spreadsheet, another tracker or an employer's invitation instead of typing them."
      />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <Card
          title="A CSV file"
          description="You choose which column is which, see the rows as they will be saved, and nothing is written until you confirm."
        >
          <CsvUploadForm />
        </Card>
        <Card title="A calendar invitation" description="The .ics file an employer's invitation came with.">
          <TextLink href="/imports/calendar">Calendar invitation</TextLink>
        </Card>
      </div>
      <Card title="Recent imports">
        <ImportsList imports={imports} timeZone={user.timeZone} />
      </Card>
    </div>
  );
}

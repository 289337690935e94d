import type { Metadata } from 'next';
import { CsvConfirmImport } from '@/components/imports/csv-confirm-import';
import { CsvImportProgress } from '@/components/imports/csv-import-progress';
import { CsvImportReportView } from '@/components/imports/csv-import-report';
import { CsvMappingForm } from '@/components/imports/csv-mapping-form';
import { CsvPreview } from '@/components/imports/csv-preview';
import { CsvSkippedRows } from '@/components/imports/csv-skipped-rows';
import { CsvTally } from '@/components/imports/csv-tally';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';
import { loadCsvImportPage } from '@/lib/server/pages/imports-csv';
import { requireUser } from '@/lib/session';
import { orNotFound } from '@/app/(app)/or-not-found';

export const metadata: Metadata = { title: 'Import a CSV file' };

export default async function CsvImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/imports/csv/${id}`);
  const page = await orNotFound(loadCsvImportPage(user, id));
  const header = (
    <div className="space-y-2">
      <TextLink href="/imports" className="text-sm">
        Back to imports
      </TextLink>
      <PageHeader title={`Import ${page.fileName}`} description={`${page.totalRows} rows in the file.`} />
    </div>
  );

  if (page.status === 'PREVIEW') {
    return (
      <div className="space-y-6">
        {header}
        <Card>
          <CsvMappingForm
            key={page.mapping.stageValues.map((entry) => entry.value).join('\n')}
            importId={page.id}
            mapping={page.mapping}
          />
        </Card>
        <Card>
          <CsvPreview rows={page.preview} totalRows={page.totalRows} />
        </Card>
        <Card title="3. Dry run" description="What the import will do. Nothing is written until you confirm.">
          <div className="space-y-4">
            <CsvTally tally={page.dryRun} tense="future" />
            <CsvSkippedRows importId={page.id} skipped={page.dryRun.skipped} total={page.dryRun.skippedCount} />
            <CsvConfirmImport importId={page.id} rows={page.dryRun.rows} />
          </div>
        </Card>
      </div>
    );
  }

  const isRunning = page.status === 'QUEUED' || page.status === 'RUNNING';
  return (
    <div className="space-y-6">
      {header}
      <Card title={isRunning ? 'Importing' : 'Report'}>
        {isRunning ? (
          <CsvImportProgress
            isQueued={page.status === 'QUEUED'}
            processedRows={page.processedRows}
            totalRows={page.totalRows}
          />
        ) : (
          <CsvImportReportView importId={page.id} report={page.report} failed={page.status === 'FAILED'} />
        )}
      </Card>
    </div>
  );
}

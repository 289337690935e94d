import { Alert } from '@/components/ui/alert';
import { TextLink } from '@/components/ui/text-link';
import { describeRowRange, type CsvImportReport } from '@/lib/domain/import-report';
import { CsvSkippedRows } from './csv-skipped-rows';
import { CsvTally } from './csv-tally';

const SKIPPED_SHOWN = 50;

const BATCH_STATES = {
  written: 'went in',
  failed: 'did not go in (this batch failed)',
  'not-run': 'did not go in (not attempted after the failure)',
} as const;

/** What the import did: counts, which rows went in batch by batch, and the skipped rows with their reasons. */
export function CsvImportReportView({
  importId,
  report,
  failed,
}: {
  importId: string;
  report: CsvImportReport;
  failed: boolean;
}) {
  return (
    <div className="space-y-4">
      {failed ? (
        <Alert tone="error">{report.failure ?? 'The import stopped before its end.'}</Alert>
      ) : (
        <Alert tone="success">
          The import is done. <TextLink href="/applications">See your applications</TextLink>.
        </Alert>
      )}
      <CsvTally tally={report} tense="past" />
      {report.batches.length > 0 ? (
        <div className="space-y-1">
          <h3 className="text-sm font-semibold">Rows</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            {report.batches.map((batch) => (
              <li key={batch.batch}>
                Batch {batch.batch}, {describeRowRange(batch.firstRow, batch.lastRow)} ({batch.rows}{' '}
                {batch.rows === 1 ? 'row' : 'rows'}): {BATCH_STATES[batch.state]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <CsvSkippedRows
        importId={importId}
        skipped={report.skipped.slice(0, SKIPPED_SHOWN)}
        total={report.skipped.length}
      />
    </div>
  );
}

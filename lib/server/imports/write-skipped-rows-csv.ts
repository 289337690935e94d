import 'server-only';
import { createCsvWriter } from '@/lib/domain/csv';
import type { SkippedRow } from '@/lib/domain/csv-import';
import { readImportReport } from '@/lib/domain/import-report';
import { getCsvImport } from './get-csv-import';
import { readImportFile } from './read-import-file';

const REASON_HEADER = 'Reason';

/** A name for the download from the uploaded file's: "applications.csv" → "applications-skipped.csv". */
function skippedFileName(fileName: string): string {
  const base =
    fileName
      .replace(/\.[a-z0-9]{1,4}$/i, '')
      .replace(/[^A-Za-z0-9._ -]+/g, '_')
      .slice(0, 80) || 'import';
  return `${base}-skipped.csv`;
}

/**
 * The skipped rows of one of the user's imports as CSV: the file's own header and cells, plus a
 * Reason column, written by the exports' writer, so a cell that looks like a formula stays
 * inert in a spreadsheet. Before the import runs they are what the dry run skips (with the
 * choices as saved); after, what the report kept.
 */
export async function writeSkippedRowsCsv(
  userId: string,
  fallbackZone: string,
  id: string,
): Promise<{ fileName: string; csv: string }> {
  const job = await getCsvImport(userId, id);
  let headers: string[];
  let skipped: SkippedRow[];
  const file = job.status === 'PREVIEW' ? readImportFile(job, fallbackZone) : null;
  if (file) {
    headers = file.table.headers;
    skipped = file.skipped;
  } else {
    const report = readImportReport(job.report);
    headers = report.headers;
    skipped = report.skipped;
  }
  const writer = createCsvWriter([...headers, REASON_HEADER], { bom: true });
  const rows = skipped.map((row) => writer.row([...headers.map((_, index) => row.cells[index] ?? ''), row.reason]));
  return { fileName: skippedFileName(job.fileName), csv: writer.header + rows.join('') };
}

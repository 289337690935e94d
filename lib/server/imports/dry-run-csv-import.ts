import 'server-only';
import { getDb } from '@/lib/db';
import type { ImportRecord } from '@/lib/domain/csv-import';
import type { CsvImportOptions } from '@/lib/domain/csv-import';
import { emptyTally, type ImportTally } from '@/lib/domain/import-report';
import { planImportBatch, type ImportStage } from './plan-import-batch';
import { readExistingRows } from './read-existing-rows';

/**
 * What importing these rows would create or update, planned by the same code the import runs
 * (planImportBatch), over every row at once, and written nowhere: three reads.
 */
export async function dryRunCsvImport(
  userId: string,
  records: readonly ImportRecord[],
  stages: readonly ImportStage[],
  options: CsvImportOptions,
  now = new Date(),
): Promise<ImportTally> {
  if (records.length === 0 || stages.length === 0) return emptyTally();
  const existing = await readExistingRows(getDb(), userId, records);
  return planImportBatch({ userId, records, existing, stages, options, now }).tally;
}

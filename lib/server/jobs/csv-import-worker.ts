import 'server-only';
import type PgBoss from 'pg-boss';
import { runCsvImport } from '@/lib/server/imports/run-csv-import';
import { CSV_IMPORT_QUEUE, type CsvImportJob } from './queues';

/**
 * One import at a time per worker. A batch that fails ends the run normally (the import is
 * FAILED with its report), so the queue retries only a run that never finished: its worker was
 * killed, and pg-boss gives the job up after expireInSeconds. The retry takes the import over
 * where its report says it stopped (runCsvImport); a run still writing is left alone. Twenty
 * minutes covers 20,000 rows with room to spare.
 */
export const CSV_IMPORT_QUEUE_OPTIONS = {
  name: CSV_IMPORT_QUEUE,
  policy: 'standard' as const,
  retryLimit: 3,
  retryDelay: 60,
  expireInSeconds: 20 * 60,
};

/** Takes confirmed CSV imports off the queue (the worker registers it beside the reminder queues). */
export async function workCsvImports(
  boss: PgBoss,
  options: { pollingIntervalSeconds: number; log: (message: string, error?: unknown) => void },
): Promise<void> {
  await boss.work<CsvImportJob>(
    CSV_IMPORT_QUEUE,
    { pollingIntervalSeconds: options.pollingIntervalSeconds, batchSize: 1 },
    async (jobs) => {
      for (const job of jobs) {
        try {
          await runCsvImport(job.data.importId);
        } catch (error) {
          options.log(`import ${job.data.importId} failed`, error);
          throw error;
        }
      }
    },
  );
}

import 'server-only';
import { getDb } from '@/lib/db';
import type { ImportRecord } from '@/lib/domain/csv-import';
import {
  addTally,
  describeRowRange,
  emptyTally,
  readImportReport,
  type CsvImportReport,
  type ImportBatchOutcome,
} from '@/lib/domain/import-report';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createDefaultStages } from '@/lib/server/applications/create-default-stages';
import { planImportBatch, type ImportStage } from './plan-import-batch';
import { readExistingRows } from './read-existing-rows';
import { readImportFile } from './read-import-file';
import { writeImportBatch } from './write-import-batch';

/** Rows per transaction: a few hundred, so a batch commits in well under a second and a failure loses little. */
export const IMPORT_BATCH_SIZE = 250;

// A batch with many rounds still to come plans each one's reminders; Prisma's default 5 s is too tight for that.
const BATCH_TIMEOUT_MS = 120_000;

/** How long a RUNNING import may go without writing a batch before another run takes it over. */
export const STALE_RUN_MS = 3 * BATCH_TIMEOUT_MS;

const stageSelect = { id: true, name: true, position: true, kind: true, systemKey: true } as const;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((line) => line.trim());
  // Prisma puts the database's own words on the last line; the first lines name the call.
  const reason = lines.filter(Boolean).at(-1) ?? 'unknown error';
  return reason.length > 300 ? `${reason.slice(0, 297)}…` : reason;
}

const toJson = (report: CsvImportReport) => report as unknown as Prisma.InputJsonValue;

async function readStages(userId: string): Promise<ImportStage[]> {
  const db = getDb();
  const read = () =>
    db.applicationStage.findMany({
      where: { userId },
      select: stageSelect,
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
  const stages = await read();
  if (stages.length > 0) return stages;
  // An account made before stages came with it gets the defaults, as a new application would.
  await db.$transaction((tx) => createDefaultStages(tx, userId));
  return read();
}

/**
 * The import job (pg-boss runs it; tests call it directly). It takes an import the user
 * confirmed (QUEUED), or one whose run stopped mid-way (RUNNING, nothing written for
 * STALE_RUN_MS), else it does nothing; reads the file again with the saved choices, and
 * writes it in batches of IMPORT_BATCH_SIZE rows, each batch one transaction that also moves
 * processedRows and the report. A batch that fails is rolled back whole: the import stops
 * FAILED, and the report says which batches went in and which did not. At the end the import
 * is DONE and its file is cleared.
 */
export async function runCsvImport(importId: string, options: { batchSize?: number; now?: Date } = {}): Promise<void> {
  const db = getDb();
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const claimedAt = options.now ?? new Date();
  const claimed = await db.importJob.updateMany({
    where: {
      id: importId,
      kind: 'CSV',
      OR: [
        { status: 'QUEUED' },
        // A run that stopped writing (its worker was killed) is taken over: every batch moves
        // updatedAt, and one batch has at most BATCH_TIMEOUT_MS, so a live run is never this old.
        { status: 'RUNNING', updatedAt: { lt: new Date(claimedAt.getTime() - STALE_RUN_MS) } },
      ],
    },
    data: { status: 'RUNNING' },
  });
  if (claimed.count === 0) return;
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: importId },
    select: {
      userId: true,
      content: true,
      options: true,
      totalRows: true,
      processedRows: true,
      report: true,
      user: { select: { timeZone: true } },
    },
  });
  const { userId } = job;
  const finish = (data: Prisma.ImportJobUpdateManyMutationInput) =>
    db.importJob.updateMany({
      where: { id: importId, userId },
      data: { ...data, finishedAt: options.now ?? new Date() },
    });

  const file = readImportFile(job, job.user.timeZone);
  if (!file) {
    await finish({ status: 'FAILED', error: 'The file of this import is no longer kept. Upload it again.' });
    return;
  }
  const stages = await readStages(userId);
  const batches: ImportRecord[][] = chunk(file.records, batchSize);
  const outline = batches.map((records, index): ImportBatchOutcome => ({
    batch: index + 1,
    firstRow: records[0]?.rowNumber ?? 0,
    lastRow: records.at(-1)?.rowNumber ?? 0,
    rows: records.length,
    state: 'not-run',
  }));
  // Taking over a run that stopped: the same file read with the same choices gives the same
  // batches, so the ones its report says went in are kept, with their counts, and not run again.
  const earlier = readImportReport(job.report);
  const resumes =
    earlier.batches.length === outline.length &&
    earlier.batches.every(
      (batch, index) => batch.firstRow === outline[index]?.firstRow && batch.rows === outline[index]?.rows,
    );
  let report: CsvImportReport = resumes
    ? { ...earlier, failure: null }
    : { ...emptyTally(), headers: file.table.headers, skipped: file.skipped, batches: outline, failure: null };
  // Skipped rows count as read from the start, so the progress reaches the total.
  let processedRows = resumes ? job.processedRows : file.skipped.length;
  if (!resumes) {
    await db.importJob.updateMany({
      where: { id: importId, userId },
      data: { processedRows, report: toJson(report) },
    });
  }

  for (const [index, records] of batches.entries()) {
    if (report.batches[index]?.state === 'written') continue;
    const markBatch = (state: ImportBatchOutcome['state']) =>
      report.batches.map((batch, position) => (position === index ? { ...batch, state } : batch));
    try {
      const now = options.now ?? new Date();
      const written = await db.$transaction(
        async (tx) => {
          const existing = await readExistingRows(tx, userId, records);
          const plan = planImportBatch({ userId, records, existing, stages, options: file.options, now });
          const next: CsvImportReport = { ...report, ...addTally(report, plan.tally), batches: markBatch('written') };
          await writeImportBatch(tx, {
            userId,
            importId,
            plan,
            processedRows: processedRows + records.length,
            report: toJson(next),
            now,
          });
          return next;
        },
        { timeout: BATCH_TIMEOUT_MS, maxWait: BATCH_TIMEOUT_MS },
      );
      report = written;
      processedRows += records.length;
    } catch (error) {
      const outcome = report.batches[index];
      const rows = outcome ? describeRowRange(outcome.firstRow, outcome.lastRow) : 'its rows';
      const failure = `Batch ${index + 1} (${rows}) could not be written, so none of its rows went in: ${describeError(error)}`;
      report = { ...report, batches: markBatch('failed'), failure };
      await finish({ status: 'FAILED', error: failure, report: toJson(report) });
      return;
    }
  }
  await finish({ status: 'DONE', content: null, processedRows: job.totalRows });
}

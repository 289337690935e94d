import 'server-only';
import { getDb } from '@/lib/db';
import type { CsvTable, ImportRecord } from '@/lib/domain/csv-import';
import { collectStageValues, detectDateOrder } from '@/lib/domain/csv-import-mapping';
import { CSV_PRESETS } from '@/lib/domain/csv-import-presets';
import { readImportReport } from '@/lib/domain/import-report';
import type { CsvImportPage, CsvMappingView, CsvPreviewRow } from '@/lib/domain/import-view';
import { formatInZone, isValidTimeZone, zonedLocalToUtc } from '@/lib/domain/time';
import type { CsvImportOptions } from '@/lib/domain/csv-import';
import { dryRunCsvImport } from '@/lib/server/imports/dry-run-csv-import';
import { getCsvImport } from '@/lib/server/imports/get-csv-import';
import type { ImportStage } from '@/lib/server/imports/plan-import-batch';
import { stageForNewApplication } from '@/lib/domain/application-stages';
import { readImportFile } from '@/lib/server/imports/read-import-file';

/** Rows the preview shows, and skipped rows the page lists (the download has them all). */
export const PREVIEW_ROWS = 10;
export const SKIPPED_ROWS_SHOWN = 50;
const SAMPLES_PER_COLUMN = 3;

function columnSamples(table: CsvTable, index: number): string[] {
  const samples: string[] = [];
  for (const row of table.rows) {
    const cell = row[index]?.trim();
    if (cell) samples.push(cell.length > 60 ? `${cell.slice(0, 59)}…` : cell);
    if (samples.length === SAMPLES_PER_COLUMN) break;
  }
  return samples;
}

function describeInterview(record: ImportRecord): string | null {
  const round = record.interview;
  if (!round || !isValidTimeZone(round.timeZone)) return null;
  const { instant } = zonedLocalToUtc(round.startLocal, round.timeZone);
  const when = formatInZone(instant, round.timeZone, { dateStyle: 'medium', timeStyle: 'short' });
  return `${when} (${round.timeZone})${round.roundLabel ? `, ${round.roundLabel}` : ''}`;
}

function toPreviewRow(record: ImportRecord, options: CsvImportOptions, stages: readonly ImportStage[]): CsvPreviewRow {
  const mapped = record.application.stageValue ? options.stageMap[record.application.stageValue] : null;
  const stage = stages.find((candidate) => candidate.id === mapped) ?? stageForNewApplication(stages);
  return {
    rowNumber: record.rowNumber,
    company: record.application.company,
    roleTitle: record.application.roleTitle,
    stageName: stage?.name ?? 'Applied',
    appliedOn: record.application.appliedOn,
    interview: describeInterview(record),
    contacts: record.contacts.map((contact) => [contact.name, contact.email].filter(Boolean).join(' · ')).join('; '),
    notices: record.notices ?? [],
  };
}

/**
 * The page of one CSV import. Before it is confirmed: the mapping step (each column with a few
 * of its values and the field it fills, the file's stage values, the date order when the file
 * leaves it open, the zone of times without one), the first rows as they will be saved and the
 * dry run, all from the file as uploaded and the choices as saved. Once confirmed: the
 * progress and the report. Another user's import, or a missing one, throws NotFoundError.
 */
export async function loadCsvImportPage(user: { id: string; timeZone: string }, id: string): Promise<CsvImportPage> {
  const [job, stages] = await Promise.all([
    getCsvImport(user.id, id),
    getDb().applicationStage.findMany({
      where: { userId: user.id },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, position: true, kind: true, systemKey: true },
    }),
  ]);
  const file = job.status === 'PREVIEW' ? readImportFile(job, user.timeZone) : null;
  if (job.status !== 'PREVIEW' || !file) {
    return {
      status: job.status === 'PREVIEW' ? 'FAILED' : job.status,
      id: job.id,
      fileName: job.fileName,
      totalRows: job.totalRows,
      processedRows: job.processedRows,
      report: readImportReport(job.report),
      error: job.error,
    };
  }
  const { table, options, records, skipped } = file;
  const preset = CSV_PRESETS.find((candidate) => candidate.id === options.presetId) ?? null;
  const dates = detectDateOrder(table, options.columns);
  const mapping: CsvMappingView = {
    columns: table.headers.map((header, index) => ({
      index,
      header,
      samples: columnSamples(table, index),
      field: options.columns[index] ?? null,
    })),
    stageValues: collectStageValues(table, options.columns).map(({ value, count }) => ({
      value,
      count,
      stageId: options.stageMap[value] ?? null,
    })),
    stages: stages.map((stage) => ({ id: stage.id, name: stage.name })),
    dateOrder: options.dateOrder,
    dateOrderAmbiguous: dates.ambiguous,
    timeZone: options.timeZone,
    presetLabel: preset?.label ?? null,
  };
  const tally = await dryRunCsvImport(user.id, records, stages, options);
  return {
    status: 'PREVIEW',
    id: job.id,
    fileName: job.fileName,
    totalRows: job.totalRows,
    mapping,
    preview: records.slice(0, PREVIEW_ROWS).map((record) => toPreviewRow(record, options, stages)),
    dryRun: {
      ...tally,
      rows: records.length,
      skipped: skipped.slice(0, SKIPPED_ROWS_SHOWN),
      skippedCount: skipped.length,
    },
  };
}

// What the CSV import's pages show, as the loaders hand it to the components.
import type { DateOrder, ImportField, SkippedRow } from './csv-import';
import type { CsvImportReport, ImportTally } from './import-report';

export const DATE_ORDER_LABELS: Readonly<Record<DateOrder, string>> = {
  DMY: 'Day first (31/12/2026)',
  MDY: 'Month first (12/31/2026)',
  YMD: 'Year first (2026-12-31)',
};

export type ImportStatusName = 'PREVIEW' | 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export const IMPORT_STATUS_LABELS: Readonly<Record<ImportStatusName, string>> = {
  PREVIEW: 'Waiting for you to confirm',
  QUEUED: 'Queued',
  RUNNING: 'Importing',
  DONE: 'Done',
  FAILED: 'Stopped',
};

export type CsvColumnView = { index: number; header: string; samples: string[]; field: ImportField | null };

export type CsvMappingView = {
  columns: CsvColumnView[];
  /** The file's stage values with how many rows carry each and the stage chosen (null: where a new application starts). */
  stageValues: { value: string; count: number; stageId: string | null }[];
  stages: { id: string; name: string }[];
  dateOrder: DateOrder;
  /** Whether the file's dates leave the order open (every part ≤ 12); the choice is shown only then. */
  dateOrderAmbiguous: boolean;
  timeZone: string;
  /** "Huntr export" when the headers are a known tracker's. */
  presetLabel: string | null;
};

/** One row as it will be saved. */
export type CsvPreviewRow = {
  rowNumber: number;
  company: string;
  roleTitle: string;
  stageName: string;
  appliedOn: string | null;
  /** The round's start in its own zone, e.g. "8 Dec 2026, 10:00 (Europe/Berlin)". */
  interview: string | null;
  contacts: string;
  /** What the import leaves out of this row, e.g. an interview date without a time. */
  notices: string[];
};

export type CsvDryRun = ImportTally & {
  /** Rows that will be imported (the file's rows less the skipped ones). */
  rows: number;
  skipped: SkippedRow[];
  skippedCount: number;
};

export type CsvImportPage =
  | {
      status: 'PREVIEW';
      id: string;
      fileName: string;
      totalRows: number;
      mapping: CsvMappingView;
      preview: CsvPreviewRow[];
      dryRun: CsvDryRun;
    }
  | {
      status: Exclude<ImportStatusName, 'PREVIEW'>;
      id: string;
      fileName: string;
      totalRows: number;
      processedRows: number;
      report: CsvImportReport;
      error: string | null;
    };

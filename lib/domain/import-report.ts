// What a CSV import tells the user: what its dry run would do, and what the import did. The
// server writes these shapes into ImportJob.report batch by batch and the pages show them, so
// they live here where both may import them.
import type { SkippedRow } from './csv-import';

/** Rows of each table an import creates. */
export type ImportCounts = { applications: number; interviews: number; contacts: number; stageChanges: number };

/** What a set of rows does to the user's records: the dry run's answer, and each batch's part of the report. */
export type ImportTally = {
  created: ImportCounts;
  /** Rows that joined an application the user already had (same company and role), adding its contacts or a round. */
  updatedApplications: number;
  /** Rows imported before (their key is already there): nothing is written for them. */
  unchanged: number;
};

/** One batch of the import: which rows of the file it held, and whether they went in. */
export type ImportBatchOutcome = {
  batch: number;
  firstRow: number;
  lastRow: number;
  rows: number;
  state: 'written' | 'failed' | 'not-run';
};

export type CsvImportReport = ImportTally & {
  /** The file's header row, for the skipped rows' download (the file itself is cleared once the import ends). */
  headers: string[];
  skipped: SkippedRow[];
  batches: ImportBatchOutcome[];
  /** Why the import stopped, when a batch failed. */
  failure: string | null;
};

const EMPTY_COUNTS: ImportCounts = { applications: 0, interviews: 0, contacts: 0, stageChanges: 0 };

export function emptyTally(): ImportTally {
  return { created: { ...EMPTY_COUNTS }, updatedApplications: 0, unchanged: 0 };
}

/** a + b, count by count. */
export function addTally(a: ImportTally, b: ImportTally): ImportTally {
  return {
    created: {
      applications: a.created.applications + b.created.applications,
      interviews: a.created.interviews + b.created.interviews,
      contacts: a.created.contacts + b.created.contacts,
      stageChanges: a.created.stageChanges + b.created.stageChanges,
    },
    updatedApplications: a.updatedApplications + b.updatedApplications,
    unchanged: a.unchanged + b.unchanged,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * The report as stored, read defensively: an import that has not started yet has `{}`, and a row
 * written by an older version may lack a field; what is missing reads as empty.
 */
export function readImportReport(value: unknown): CsvImportReport {
  const report = isRecord(value) ? value : {};
  const created = isRecord(report.created) ? report.created : {};
  return {
    created: {
      applications: count(created.applications),
      interviews: count(created.interviews),
      contacts: count(created.contacts),
      stageChanges: count(created.stageChanges),
    },
    updatedApplications: count(report.updatedApplications),
    unchanged: count(report.unchanged),
    headers: Array.isArray(report.headers) ? report.headers.map(String) : [],
    skipped: Array.isArray(report.skipped) ? (report.skipped as SkippedRow[]) : [],
    batches: Array.isArray(report.batches) ? (report.batches as ImportBatchOutcome[]) : [],
    failure: typeof report.failure === 'string' ? report.failure : null,
  };
}

/** "rows 2–251" or "row 7". */
export function describeRowRange(firstRow: number, lastRow: number): string {
  return firstRow === lastRow ? `row ${firstRow}` : `rows ${firstRow}–${lastRow}`;
}

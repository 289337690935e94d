// The shapes a CSV import passes between its steps: the file read into a table, the user's
// choices (which column is which field, which of the file's stage values is which stage, which
// order ambiguous dates are in), and the rows as they will be written or the reason each was
// skipped. The rules that fill them live beside this file (csv-import-*.ts); the server keeps
// the choices on the ImportJob row and writes the records.
import type {
  ApplicationCloseReason,
  ApplicationSource,
  ContactRole,
  InterviewFormat,
  InterviewStatus,
  SalaryPeriod,
} from '@/lib/generated/prisma/enums';

/** Limits of one CSV import (issue: 5 MB, 20,000 rows); each is refused with its own message. */
export const CSV_IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 60,
  maxCellLength: 5_000,
} as const;

/** What a column can hold. Every field is optional but company and role, without which a row is skipped. */
export const IMPORT_FIELDS = [
  'company',
  'roleTitle',
  'stage',
  'appliedOn',
  'interviewDate',
  'interviewTime',
  'timeZone',
  'location',
  'remote',
  'postingUrl',
  'meetingUrl',
  'contactName',
  'contactEmail',
  'contactPhone',
  'salary',
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'salaryPeriod',
  'source',
  'sourceDetail',
  'notes',
  'stageHistory',
  'contacts',
  'closeReason',
  'roundLabel',
  'interviewFormat',
  'interviewStatus',
  'durationMinutes',
  'addedAt',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

/** The file as read: header row and data rows, every row as long as the header. */
export type CsvTable = {
  headers: string[];
  rows: string[][];
  /** Which encoding the bytes were decoded from, and which delimiter split them. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter: ',' | ';' | '\t';
};

/** The user's choices, kept on the import (ImportJob.options) between steps. */
export type CsvImportOptions = {
  presetId: string | null;
  /** One entry per column of the file: the field it fills, or null to skip the column. */
  columns: (ImportField | null)[];
  /** Each distinct value of the stage column (as in the file, trimmed) → a stage id of the user, or null for the default. */
  stageMap: Record<string, string | null>;
  dateOrder: DateOrder;
  /** The zone of times that carry none (the user's own by default). */
  timeZone: string;
};

export type ImportedApplication = {
  company: string;
  roleTitle: string;
  /** The stage value as in the file (trimmed), mapped through options.stageMap; null when the row has none. */
  stageValue: string | null;
  /** A calendar date, YYYY-MM-DD. */
  appliedOn: string | null;
  source: ApplicationSource | null;
  sourceDetail: string | null;
  postingUrl: string | null;
  location: string | null;
  isRemote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: SalaryPeriod | null;
  notes: string | null;
  closeReason: ApplicationCloseReason | null;
  /** When the source says the row was added (an instant, ISO 8601), else null. */
  addedAt: string | null;
};

export type ImportedInterview = {
  /** Local wall time in timeZone, YYYY-MM-DDTHH:mm. */
  startLocal: string;
  timeZone: string;
  durationMinutes: number;
  format: InterviewFormat;
  roundLabel: string | null;
  location: string | null;
  meetingUrl: string | null;
  notes: string | null;
  /** What became of the round, when the file says (Rebound's interviews export does); else it is scheduled. */
  status?: InterviewStatus;
};

export type ImportedContact = { name: string; email: string | null; phone: string | null; role: ContactRole };

/** One step of a stage history carried in the file (Rebound's own export has one). */
export type ImportedStageStep = { on: string; fromStageName: string | null; toStageName: string };

/** One row of the file as it will be written. */
export type ImportRecord = {
  /** 1-based line of the data row in the file (the header is row 1, so the first data row is 2). */
  rowNumber: number;
  /**
   * What identifies the row across imports: the source's own id where it has one, else the row's
   * cells normalised. The server stores a hash of it as importKey, so importing the file again
   * finds the rows it wrote.
   */
  keySource: string;
  application: ImportedApplication;
  interview: ImportedInterview | null;
  contacts: ImportedContact[];
  stageHistory: ImportedStageStep[];
  /** What the import left out of an otherwise good row (an interview date with no time), to show in the preview. */
  notices?: string[];
};

export type SkippedRow = { rowNumber: number; reason: string; cells: string[] };

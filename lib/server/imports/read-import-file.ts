import 'server-only';
import { IMPORT_FIELDS, type CsvImportOptions, type CsvTable, type ImportField } from '@/lib/domain/csv-import';
import { parseCsvText } from '@/lib/domain/csv-import-read';
import { buildImportRecords } from '@/lib/domain/csv-import-records';

const FIELDS = new Set<string>(IMPORT_FIELDS);
const DATE_ORDERS = new Set(['DMY', 'MDY', 'YMD']);

/**
 * The choices as stored on the import, made to fit the file: one entry per column (a column
 * the stored list does not cover is skipped), known fields only. What Rebound itself wrote is
 * read back; this guards the rows against a change of shape, not against the user.
 */
function readImportOptions(value: unknown, table: CsvTable, fallbackZone: string): CsvImportOptions {
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  const columns = Array.isArray(stored.columns) ? stored.columns : [];
  const stageMap =
    typeof stored.stageMap === 'object' && stored.stageMap !== null
      ? (stored.stageMap as Record<string, string | null>)
      : {};
  return {
    presetId: typeof stored.presetId === 'string' ? stored.presetId : null,
    columns: table.headers.map((_, index) => {
      const field = columns[index];
      return typeof field === 'string' && FIELDS.has(field) ? (field as ImportField) : null;
    }),
    stageMap,
    dateOrder: DATE_ORDERS.has(String(stored.dateOrder)) ? (stored.dateOrder as CsvImportOptions['dateOrder']) : 'DMY',
    timeZone: typeof stored.timeZone === 'string' ? stored.timeZone : fallbackZone,
  };
}

/** The import's file read again: its table and, with the saved choices, its rows as they will be written. */
export function readImportFile(job: { content: string | null; options: unknown }, fallbackZone: string) {
  if (job.content === null) return null;
  const parsed = parseCsvText(job.content);
  // The text was parsed when it was uploaded; the same text parses the same way.
  if (!parsed.ok) throw new Error(`A stored import no longer parses: ${parsed.message}`);
  const options = readImportOptions(job.options, parsed.table, fallbackZone);
  const { records, skipped } = buildImportRecords(parsed.table, options);
  return { table: parsed.table, options, records, skipped };
}

// The file's rows as they will be written, under the user's mapping: each row becomes one
// record (an application, maybe an interview, its contacts and stage history) or is skipped
// with a reason that names the cell to fix. Text is kept as the file has it: a cell that looks
// like a formula is stored as text (every export neutralises it again, lib/domain/csv.ts); only
// the apostrophe Rebound's own export put in front of such a cell is taken off, so its files
// come back exactly. Control characters and half surrogate pairs are refused as in typed text
// (lib/validation/common.ts): the row is skipped with the column named, not silently altered.
import { latestAppliedDate } from '@/lib/validation/application';
import type { CsvImportOptions, CsvTable, ImportedApplication, ImportRecord, SkippedRow } from './csv-import';
import { createCellReader } from './csv-import-cells';
import { findPreset, type CsvPreset } from './csv-import-presets';
import { readDate, readRow, readWebAddress, requireShort, SkipRow } from './csv-import-row';
import { readAddedAt, readContacts, readInterview, readSalary } from './csv-import-row-parts';
import { parseCloseReason, parseRemote, parseSource, parseStageHistory } from './csv-import-values';

export { DEFAULT_INTERVIEW_MINUTES } from './csv-import-row-parts';

const NOTES_MAX = 10_000;

function buildRecord(
  row: string[],
  rowNumber: number,
  table: CsvTable,
  options: CsvImportOptions,
  preset: CsvPreset | null,
  now: Date,
): Omit<ImportRecord, 'keySource'> {
  const cells = readRow(row, table, options, createCellReader(preset));
  const company = requireShort(cells, 'company', 'The company');
  if (company === null) throw new SkipRow('No company');
  const roleTitle = requireShort(cells, 'roleTitle', 'The role');
  if (roleTitle === null) throw new SkipRow('No role');

  const isInterviewFile = preset?.kind === 'interviews';
  const extraNotes: string[] = [];
  const notices: string[] = [];
  const keepInNotes = (label: string, text: string) => extraNotes.push(`${label}: ${text}`);

  const applied = readDate(cells, 'appliedOn', options);
  // As the application form refuses it: usually a file whose day order was read the wrong way.
  if (applied && applied.date > latestAppliedDate(now)) {
    throw new SkipRow(
      `The applied date ${applied.date} (from "${cells.get('appliedOn')}" in column "${cells.header('appliedOn')}") is in the future; check the day order chosen for the file.`,
    );
  }
  const addedAt = readAddedAt(cells, options, preset);

  const parsedSource = parseSource(cells.get('source') ?? preset?.defaultSource ?? '');
  const source = parsedSource.source;
  let sourceDetail = parsedSource.sourceDetail;
  const detail = requireShort(cells, 'sourceDetail', 'The source detail');
  if (detail !== null) sourceDetail = detail;
  if (source === 'OTHER' && !sourceDetail) sourceDetail = 'Other';

  const postingText = cells.get('postingUrl');
  const postingUrl = readWebAddress(postingText);
  if (postingText !== null && postingUrl === null) keepInNotes('Posting', postingText);

  const location = requireShort(cells, 'location', 'The location');
  const remoteText = cells.get('remote');
  const isRemote = remoteText !== null ? parseRemote(remoteText) : /\bremote\b/i.test(location ?? '');

  const salary = readSalary(cells, keepInNotes);
  const closeText = cells.get('closeReason');
  const closeReason = closeText === null ? null : parseCloseReason(closeText);
  if (closeText !== null && closeReason === null) keepInNotes('Close reason', closeText);

  const contacts = readContacts(cells, keepInNotes, isInterviewFile);
  const historyText = cells.get('stageHistory');
  const stageHistory = historyText === null ? [] : parseStageHistory(historyText);
  if (stageHistory === null) {
    throw new SkipRow(
      `Cannot read the stage history in column "${cells.header('stageHistory')}"; each step is written "2026-11-02 Applied", steps joined by " → ".`,
    );
  }

  const interview = readInterview(cells, options, preset, notices, keepInNotes);
  if (isInterviewFile && interview === null) throw new SkipRow('No interview date');

  const notesText = cells.get('notes');
  const ownNotes = [isInterviewFile ? null : notesText, ...extraNotes].filter(Boolean).join('\n\n');
  if (interview && isInterviewFile) interview.notes = notesText;

  const application: ImportedApplication = {
    company,
    roleTitle,
    stageValue: cells.get('stage'),
    appliedOn: applied?.date ?? null,
    source,
    sourceDetail,
    postingUrl,
    location: isInterviewFile ? null : location,
    isRemote: isInterviewFile ? false : isRemote,
    ...salary,
    notes: ownNotes ? ownNotes.slice(0, NOTES_MAX) : null,
    closeReason,
    addedAt,
  };
  return {
    rowNumber,
    application,
    interview,
    contacts,
    stageHistory,
    ...(notices.length > 0 && { notices }),
  };
}

const normaliseKeyCell = (cell: string) => cell.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * What identifies a row across imports: the source's own id (or identifying columns) when the
 * preset has them and the row fills them, else the mapped cells, trimmed, spaces collapsed and
 * lower-cased, each with its field, in column order. The same row always gives the same key.
 */
function keySourceOf(row: string[], options: CsvImportOptions, preset: CsvPreset | null, table: CsvTable): string {
  const cellUnder = (name: string) => {
    const index = table.headers.findIndex((header) => header.trim().toLowerCase() === name.toLowerCase());
    return index === -1 ? '' : normaliseKeyCell(row[index] ?? '');
  };
  const ownKey = preset?.idHeader ? [preset.idHeader] : preset?.keyHeaders;
  if (preset && ownKey) {
    const cells = ownKey.map(cellUnder);
    if (cells.every(Boolean)) return `${preset.id}:${cells.join('\u001f')}`;
  }
  return options.columns
    .flatMap((field, index) => (field ? [`${field}=${normaliseKeyCell(row[index] ?? '')}`] : []))
    .join('\u001f');
}

/**
 * Every data row as a record to write, or skipped with its reason; a row the same as an earlier
 * one is skipped too. `now` only decides which applied dates are in the future.
 */
export function buildImportRecords(
  table: CsvTable,
  options: CsvImportOptions,
  now: Date = new Date(),
): { records: ImportRecord[]; skipped: SkippedRow[] } {
  const preset = findPreset(options.presetId);
  const records: ImportRecord[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((row, index) => {
    const rowNumber = index + 2;
    try {
      const record = buildRecord(row, rowNumber, table, options, preset, now);
      const keySource = keySourceOf(row, options, preset, table);
      const earlier = seen.get(keySource);
      if (earlier !== undefined) throw new SkipRow(`Same as row ${earlier}`);
      seen.set(keySource, rowNumber);
      records.push({ ...record, keySource });
    } catch (error) {
      if (!(error instanceof SkipRow)) throw error;
      skipped.push({ rowNumber, reason: error.message, cells: row });
    }
  });
  return { records, skipped };
}

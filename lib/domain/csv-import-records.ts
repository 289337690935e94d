// The file's rows as they will be written, under the user's mapping: each row becomes one
// record (an application, maybe an interview, its contacts and stage history) or is skipped
// with a reason that names the cell to fix. Text is kept as the file has it: a cell that looks
// like a formula is stored as text (every export neutralises it again, lib/domain/csv.ts); only
// the apostrophe Rebound's own export put in front of such a cell is taken off, so its files
// come back exactly. Control characters and half surrogate pairs are refused as in typed text
// (lib/validation/common.ts): the row is skipped with the column named, not silently altered.
import { findIana } from 'windows-iana';
import { latestAppliedDate } from '@/lib/validation/application';
import { isCleanText } from '@/lib/validation/common';
import type {
  CsvImportOptions,
  CsvTable,
  ImportedApplication,
  ImportedContact,
  ImportedInterview,
  ImportField,
  ImportRecord,
  SkippedRow,
} from './csv-import';
import { createCellReader, MULTI_LINE_FIELDS } from './csv-import-cells';
import { parseImportDate, parseImportInstant, parseImportTime } from './csv-import-dates';
import { findPreset, type CsvPreset } from './csv-import-presets';
import {
  parseAmount,
  parseCloseReason,
  parseContactsCell,
  parseCurrency,
  parseDurationMinutes,
  parseInterviewFormat,
  parseInterviewStatus,
  parseRemote,
  parseSalaryPeriod,
  parseSalaryText,
  parseSource,
  parseStageHistory,
} from './csv-import-values';
import { canonicalZone, isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from './time';
import type { ContactRole } from '@/lib/generated/prisma/enums';

/** How long an interview with no duration in the file lasts. */
export const DEFAULT_INTERVIEW_MINUTES = 60;
const TEXT_MAX = 200;
const NOTES_MAX = 10_000;
const SIMPLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()\-./]+$/;

class SkipRow extends Error {}

type RowCells = {
  /** The first non-blank value of a field (notes: all of them, joined), cleaned. */
  get(field: ImportField): string | null;
  /** The header of the column a field was read from, to name it in a reason. */
  header(field: ImportField): string;
};

function readRow(
  row: string[],
  table: CsvTable,
  options: CsvImportOptions,
  readCell: ReturnType<typeof createCellReader>,
): RowCells {
  const values = new Map<ImportField, string>();
  const headers = new Map<ImportField, string>();
  options.columns.forEach((field, index) => {
    if (!field) return;
    const header = table.headers[index] ?? `Column ${index + 1}`;
    const text = readCell(row[index] ?? '', field);
    if (text === null) return;
    if (!isCleanText(text, { multiLine: MULTI_LINE_FIELDS.has(field) })) {
      throw new SkipRow(
        `Column "${header}" has invisible control characters (or half of an emoji); remove them and import the row again.`,
      );
    }
    const previous = values.get(field);
    if (previous === undefined) {
      values.set(field, text);
      headers.set(field, header);
    } else if (field === 'notes') {
      values.set(field, `${previous}\n\n${text}`);
    }
  });
  return {
    get: (field) => values.get(field) ?? null,
    header: (field) => headers.get(field) ?? field,
  };
}

function requireShort(cells: RowCells, field: ImportField, what: string): string | null {
  const value = cells.get(field);
  if (value !== null && value.length > TEXT_MAX) {
    throw new SkipRow(`${what} in column "${cells.header(field)}" is longer than ${TEXT_MAX} characters.`);
  }
  return value;
}

function readDate(cells: RowCells, field: ImportField, options: CsvImportOptions) {
  const text = cells.get(field);
  if (text === null) return null;
  const parsed = parseImportDate(text, options.dateOrder);
  if (!parsed) {
    throw new SkipRow(
      `Cannot read the date "${text}" in column "${cells.header(field)}"; write it like 2026-12-07, or check the day order chosen for the file.`,
    );
  }
  return parsed;
}

/** A web address, or a bare domain with one added; null when the text is not one. */
function readWebAddress(text: string | null): string | null {
  if (text === null || text.length > 2000 || /\s/.test(text)) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text)
    ? text
    : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(text)
      ? `https://${text}`
      : '';
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? candidate : null;
  } catch {
    return null;
  }
}

function readZone(cells: RowCells, fallback: string): string {
  const text = cells.get('timeZone');
  if (text === null) return fallback;
  if (isValidTimeZone(text)) return canonicalZone(text);
  // Outlook and Windows name zones their own way ("W. Europe Standard Time").
  const iana = findIana(text)[0];
  if (iana && isValidTimeZone(iana)) return canonicalZone(iana);
  throw new SkipRow(
    `The time zone "${text}" in column "${cells.header('timeZone')}" does not exist; use a name like Europe/London.`,
  );
}

function contactRoleFor(header: string): ContactRole {
  const words = header.toLowerCase();
  if (words.includes('recruiter')) return 'RECRUITER';
  if (words.includes('hiring manager')) return 'HIRING_MANAGER';
  if (words.includes('interviewer')) return 'INTERVIEWER';
  return 'OTHER';
}

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

function readAddedAt(cells: RowCells, options: CsvImportOptions, preset: CsvPreset | null): string | null {
  const text = cells.get('addedAt');
  if (text === null) return null;
  const instant = parseImportInstant(text);
  if (instant) return instant.toISOString();
  const parsed = readDate(cells, 'addedAt', options);
  if (!parsed) return null;
  const local = `${parsed.date}T${parsed.time ?? '00:00'}`;
  // The seconds an export wrote ("2022-02-26 19:17:05") belong to the instant too.
  const seconds = Number(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:(\d{2})$/.exec(text)?.[1] ?? 0) * 1000;
  const start = preset?.timesAreUtc ? new Date(`${local}:00Z`) : zonedLocalToUtc(local, options.timeZone).instant;
  return new Date(start.getTime() + seconds).toISOString();
}

function readSalary(cells: RowCells, keepInNotes: (label: string, text: string) => void) {
  const text = cells.get('salary');
  const range = text === null ? null : parseSalaryText(text);
  if (text !== null && range === null) keepInNotes('Salary', text);
  const own = (field: ImportField) => {
    const value = cells.get(field);
    if (value === null) return null;
    const amount = parseAmount(value);
    if (amount === null) keepInNotes(cells.header(field), value);
    return amount;
  };
  const minText = cells.get('salaryMin');
  const maxText = cells.get('salaryMax');
  const currencyText = cells.get('salaryCurrency');
  const periodText = cells.get('salaryPeriod');
  const salaryMin = minText !== null ? own('salaryMin') : (range?.salaryMin ?? null);
  const salaryMax = maxText !== null ? own('salaryMax') : (range?.salaryMax ?? null);
  const salaryCurrency = currencyText !== null ? parseCurrency(currencyText) : (range?.salaryCurrency ?? null);
  if (currencyText !== null && salaryCurrency === null) keepInNotes(cells.header('salaryCurrency'), currencyText);
  const salaryPeriod = periodText !== null ? parseSalaryPeriod(periodText) : (range?.salaryPeriod ?? null);
  if (periodText !== null && salaryPeriod === null) keepInNotes(cells.header('salaryPeriod'), periodText);
  // A range read the wrong way round is still the same range.
  if (salaryMin !== null && salaryMax !== null && salaryMin > salaryMax) {
    return { salaryMin: salaryMax, salaryMax: salaryMin, salaryCurrency, salaryPeriod };
  }
  return { salaryMin, salaryMax, salaryCurrency, salaryPeriod };
}

function readContacts(
  cells: RowCells,
  keepInNotes: (label: string, text: string) => void,
  isInterviewFile: boolean,
): ImportedContact[] {
  const contacts: ImportedContact[] = [];
  const listed = cells.get('contacts');
  if (listed !== null) contacts.push(...parseContactsCell(listed));
  const name = requireShort(cells, 'contactName', 'The contact name');
  const emailText = cells.get('contactEmail');
  const phoneText = cells.get('contactPhone');
  const email =
    emailText !== null && SIMPLE_EMAIL.test(emailText) && emailText.length <= 254 ? emailText.toLowerCase() : null;
  if (emailText !== null && email === null) keepInNotes(cells.header('contactEmail'), emailText);
  const phone =
    phoneText !== null && PHONE.test(phoneText) && phoneText.length <= 40 && (phoneText.match(/\d/g)?.length ?? 0) >= 5
      ? phoneText
      : null;
  if (phoneText !== null && phone === null) keepInNotes(cells.header('contactPhone'), phoneText);
  const contactName = name ?? email ?? phone;
  if (contactName !== null) {
    const role = isInterviewFile ? 'INTERVIEWER' : contactRoleFor(name === null ? '' : cells.header('contactName'));
    contacts.push({ name: contactName, email, phone, role });
  }
  return contacts;
}

function readInterview(
  cells: RowCells,
  options: CsvImportOptions,
  preset: CsvPreset | null,
  notices: string[],
  keepInNotes: (label: string, text: string) => void,
): ImportedInterview | null {
  const dateText = cells.get('interviewDate');
  if (dateText === null) return null;
  const timeZone = readZone(cells, options.timeZone);
  let startLocal: string;
  const instant = parseImportInstant(dateText);
  if (instant) {
    startLocal = utcToZonedLocal(instant, timeZone);
  } else {
    const parsed = readDate(cells, 'interviewDate', options);
    if (!parsed) return null;
    const timeText = cells.get('interviewTime');
    const time = timeText === null ? parsed.time : parseImportTime(timeText);
    if (timeText !== null && time === null) {
      throw new SkipRow(
        `Cannot read the time "${timeText}" in column "${cells.header('interviewTime')}"; write it like 14:30 or 2:30 pm.`,
      );
    }
    if (time === null) {
      // A made-up time is how an interview gets missed: without one there is no interview.
      notices.push(`The interview on ${parsed.date} has no time, so it was not added; add it on the application.`);
      keepInNotes('Interview', parsed.date);
      return null;
    }
    startLocal = `${parsed.date}T${time}`;
  }
  const meetingText = cells.get('meetingUrl');
  const meetingUrl = readWebAddress(meetingText);
  if (meetingText !== null && meetingUrl === null) keepInNotes('Meeting link', meetingText);
  const location = preset?.kind === 'interviews' ? requireShort(cells, 'location', 'The address') : null;
  const formatText = cells.get('interviewFormat');
  const durationText = cells.get('durationMinutes');
  const statusText = cells.get('interviewStatus');
  const status = statusText === null ? null : parseInterviewStatus(statusText);
  if (statusText !== null && status === null) keepInNotes(cells.header('interviewStatus'), statusText);
  return {
    startLocal,
    timeZone,
    durationMinutes: (durationText === null ? null : parseDurationMinutes(durationText)) ?? DEFAULT_INTERVIEW_MINUTES,
    format:
      (formatText === null ? null : parseInterviewFormat(formatText)) ??
      (location && !meetingUrl ? 'IN_PERSON' : 'VIDEO'),
    roundLabel: requireShort(cells, 'roundLabel', 'The round'),
    location,
    meetingUrl,
    notes: null,
    ...(status && { status }),
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

// The parts of a record read from several cells at once (a salary, a contact, an interview, when
// the row was added), each keeping in the notes what it could not read rather than guessing.
import { findIana } from 'windows-iana';
import type { CsvImportOptions, ImportedContact, ImportedInterview, ImportField } from './csv-import';
import { parseImportInstant, parseImportTime } from './csv-import-dates';
import type { CsvPreset } from './csv-import-presets';
import { readDate, readWebAddress, requireShort, SkipRow, type RowCells } from './csv-import-row';
import {
  parseAmount,
  parseContactsCell,
  parseCurrency,
  parseDurationMinutes,
  parseInterviewFormat,
  parseInterviewStatus,
  parseSalaryPeriod,
  parseSalaryText,
} from './csv-import-values';
import { canonicalZone, isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from './time';
import type { ContactRole } from '@/lib/generated/prisma/enums';

/** How long an interview with no duration in the file lasts. */
export const DEFAULT_INTERVIEW_MINUTES = 60;
const SIMPLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()\-./]+$/;

/** Adds a line to the row's notes: what a cell said that no field could hold. */
export type KeepInNotes = (label: string, text: string) => void;

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

export function readAddedAt(cells: RowCells, options: CsvImportOptions, preset: CsvPreset | null): string | null {
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

export function readSalary(cells: RowCells, keepInNotes: KeepInNotes) {
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

export function readContacts(cells: RowCells, keepInNotes: KeepInNotes, isInterviewFile: boolean): ImportedContact[] {
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

export function readInterview(
  cells: RowCells,
  options: CsvImportOptions,
  preset: CsvPreset | null,
  notices: string[],
  keepInNotes: KeepInNotes,
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

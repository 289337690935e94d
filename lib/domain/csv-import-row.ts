// One row of the file read under the user's mapping: each mapped cell cleaned as every step
// reads it (csv-import-cells.ts) and checked as typed text is (lib/validation/common.ts), with
// the readers that refuse a row by naming the cell to fix.
import { isCleanText } from '@/lib/validation/common';
import type { CsvImportOptions, CsvTable, ImportField } from './csv-import';
import { MULTI_LINE_FIELDS, type CellReader } from './csv-import-cells';
import { parseImportDate } from './csv-import-dates';

const TEXT_MAX = 200;

/** Why a row is skipped; its message is the reason the user reads. */
export class SkipRow extends Error {}

export type RowCells = {
  /** The first non-blank value of a field (notes: all of them, joined), cleaned. */
  get(field: ImportField): string | null;
  /** The header of the column a field was read from, to name it in a reason. */
  header(field: ImportField): string;
};

export function readRow(row: string[], table: CsvTable, options: CsvImportOptions, readCell: CellReader): RowCells {
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
    if (text.includes('\uFFFD')) {
      throw new SkipRow(
        `Column "${header}" has a character the file’s encoding could not hold (shown as �); fix it and import the row again.`,
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

export function requireShort(cells: RowCells, field: ImportField, what: string): string | null {
  const value = cells.get(field);
  if (value !== null && value.length > TEXT_MAX) {
    throw new SkipRow(`${what} in column "${cells.header(field)}" is longer than ${TEXT_MAX} characters.`);
  }
  return value;
}

export function readDate(cells: RowCells, field: ImportField, options: CsvImportOptions) {
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
export function readWebAddress(text: string | null): string | null {
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

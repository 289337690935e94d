// One cell's text as every step of the import reads it, so the stage values the mapping page
// lists are exactly the values the rows carry: Rebound's export apostrophe taken off, line
// breaks and runs of spaces in one-line fields collapsed, and "nothing" words read as empty.
import type { ImportField } from './csv-import';
import type { CsvPreset } from './csv-import-presets';

// What a spreadsheet reads as a formula, and so what Rebound's export prefixed with an apostrophe.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
// What people and trackers write in a cell that holds nothing.
const BLANKS = ['-', '–', '—', 'n/a', '#n/a'];
/** Fields whose text may run over several lines; every other field is one line. */
export const MULTI_LINE_FIELDS: ReadonlySet<ImportField> = new Set(['notes', 'stageHistory', 'contacts']);

/** Strips the apostrophe Rebound's export adds before a formula-looking cell; nothing else. */
export function unneutraliseCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_TRIGGERS.has(cell[1] ?? '') ? cell.slice(1) : cell;
}

/** A cell's text for a field, or null when it holds nothing. */
export type CellReader = (cell: string, field: ImportField) => string | null;

/** Reads cells for one preset (or none). */
export function createCellReader(preset: CsvPreset | null): CellReader {
  const blanks = new Set([...BLANKS, ...(preset?.blankValues ?? []).map((value) => value.toLowerCase())]);
  return (cell, field) => {
    const raw = preset?.isRebound ? unneutraliseCell(cell) : cell;
    // Line breaks and tabs in a one-line field are layout (a wrapped cell), not content.
    const text = MULTI_LINE_FIELDS.has(field) ? raw.replace(/\r\n?/g, '\n').trim() : raw.replace(/\s+/g, ' ').trim();
    return text && !blanks.has(text.toLowerCase()) ? text : null;
  };
}

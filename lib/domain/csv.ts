// RFC 4180 CSV writer for exports. Exported files are opened in spreadsheets, so text that users
// typed (company names, notes) is neutralised against formula injection as OWASP advises:
// https://owasp.org/www-community/attacks/CSV_Injection

export type CsvCell = string | number | boolean | null | undefined | Date;

export type CsvOptions = {
  /** Prefix a UTF-8 byte order mark; older Excel versions need it to read non-ASCII text correctly. */
  bom?: boolean;
};

const LINE_BREAK = '\r\n';
const BOM = '\uFEFF';
// A spreadsheet treats a cell starting with one of these as a formula (tab and CR can precede one).
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[",\r\n]/;

export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const writer = createCsvWriter(headers, options);
  return writer.header + rows.map((row) => writer.row(row)).join('');
}

export type CsvWriter = {
  /** The header record (after the BOM when asked for), to write first. */
  header: string;
  /** One record, CRLF included; throws when it has a different number of cells than the header. */
  row(cells: readonly CsvCell[]): string;
};

/** The same records as toCsv, one at a time, for files written as a stream. */
export function createCsvWriter(headers: readonly string[], options: CsvOptions = {}): CsvWriter {
  let written = 0;
  return {
    header: (options.bom ? BOM : '') + formatRecord(headers),
    row(cells) {
      written += 1;
      // RFC 4180 requires every record to have as many fields as the header; a short row would
      // shift later columns under the wrong headings without anyone noticing.
      if (cells.length !== headers.length) {
        throw new RangeError(`CSV row ${written} has ${cells.length} cells but there are ${headers.length} headers.`);
      }
      return formatRecord(cells);
    },
  };
}

// Every record, the last included, ends with CRLF: RFC 4180 allows it and it makes files
// concatenable.
function formatRecord(cells: readonly CsvCell[]): string {
  return cells.map(formatCell).join(',') + LINE_BREAK;
}

function formatCell(value: CsvCell): string {
  return quoteIfNeeded(toText(value));
}

function toText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Cannot write an invalid Date to CSV.');
    return value.toISOString();
  }
  // Typed numbers and booleans are data we produced, not text a user typed, so a negative number
  // stays a number instead of becoming the text "'-5".
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseFormula(value);
}

function neutraliseFormula(text: string): string {
  const first = text[0];
  return first !== undefined && FORMULA_TRIGGERS.has(first) ? `'${text}` : text;
}

function quoteIfNeeded(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

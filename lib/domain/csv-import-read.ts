// Reading an uploaded CSV: bytes to text (the encodings Excel and other trackers write), then
// text to a table with a maintained parser (papaparse), with the import's limits checked on the
// way, each refused with its own message. Cells are kept as the file has them; what a cell may
// hold (control characters, formula-looking text) is decided per field when the rows are built
// (csv-import-records.ts), so a stray character costs one row, not the whole file.
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { CSV_IMPORT_LIMITS, type CsvTable } from './csv-import';

export type DecodeResult = { ok: true; text: string; encoding: CsvTable['encoding'] } | { ok: false; message: string };
export type ParseResult = { ok: true; table: CsvTable } | { ok: false; message: string };

export const NOT_A_CSV_MESSAGE =
  'That file is not a CSV: it holds binary data. Export or save it from your spreadsheet or tracker as CSV and upload that.';
const WORKBOOK_MESSAGE =
  'That file is a spreadsheet workbook, not a CSV. In your spreadsheet choose File → Save as (or Download) → CSV, and upload that file.';
const PDF_MESSAGE = 'That file is a PDF, not a CSV. Export your applications as CSV and upload that file.';
const EMPTY_MESSAGE = 'The file is empty.';

// How much of the file the encoding and binary checks look at: enough to be sure, cheap at 5 MB.
const SAMPLE_BYTES = 64 * 1024;

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const formatCount = (value: number) => value.toLocaleString('en-US');

/**
 * Bytes as text. A byte order mark decides (UTF-8, UTF-16LE as Excel's "Unicode Text" writes it,
 * UTF-16BE); UTF-16 without one shows itself by a NUL in every other byte; otherwise the bytes
 * are UTF-8 if they are valid UTF-8, else Windows-1252 (what Excel on Windows writes as "CSV"),
 * which can decode any byte. A file with other NULs or mostly non-text characters is refused.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: EMPTY_MESSAGE };
  const signature = refuseKnownBinary(bytes);
  if (signature) return { ok: false, message: signature };

  let decoded: { text: string; encoding: CsvTable['encoding'] };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    const utf16 = guessUtf16(bytes.subarray(0, SAMPLE_BYTES));
    if (utf16) {
      decoded = { text: iconv.decode(bytes, utf16), encoding: utf16 };
    } else if (bytes.subarray(0, SAMPLE_BYTES).includes(0)) {
      return { ok: false, message: NOT_A_CSV_MESSAGE };
    } else {
      decoded = decodeUtf8OrWindows1252(bytes);
    }
  }
  // UTF-16 bytes can hold half a surrogate pair, which PostgreSQL cannot store: it becomes U+FFFD
  // here, as TextDecoder writes for bad UTF-8, so the kept file reads as the upload did and the
  // row holding it is skipped with its reason (csv-import-row.ts).
  decoded.text = decoded.text.replace(LONE_SURROGATES, '\uFFFD');
  if (decoded.text.trim() === '') return { ok: false, message: EMPTY_MESSAGE };
  // A NUL anywhere (past the sample, or written as UTF-16) is not text a spreadsheet writes, and
  // PostgreSQL cannot store it in the kept file.
  if (decoded.text.includes('\u0000') || looksBinary(decoded.text)) return { ok: false, message: NOT_A_CSV_MESSAGE };
  return { ok: true, ...decoded };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

// Formats people upload by mistake, named so the message can say what to do instead.
function refuseKnownBinary(bytes: Uint8Array): string | null {
  // .xlsx/.ods are ZIP archives; .xls is an OLE compound file.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return WORKBOOK_MESSAGE;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return WORKBOOK_MESSAGE;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF_MESSAGE;
  return null;
}

// Text in UTF-16 has a NUL beside nearly every ASCII character (the high byte), always on the
// same side: odd positions for little-endian, even for big-endian. Binary files have NULs too,
// but not in that regular pattern.
function guessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index + 1 < sample.length; index += 2) {
    if (sample[index] === 0) evenNuls += 1;
    if (sample[index + 1] === 0) oddNuls += 1;
  }
  if (oddNuls / pairs > 0.3 && evenNuls / pairs < 0.05) return 'utf-16le';
  if (evenNuls / pairs > 0.3 && oddNuls / pairs < 0.05) return 'utf-16be';
  return null;
}

function decodeUtf8OrWindows1252(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}

// Decoded text that is more than a tenth control characters or replacement characters was
// never text (an image, an archive that slipped past the signatures).
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE_BYTES);
  let odd = 0;
  for (const char of sample) {
    const code = char.codePointAt(0) ?? 0;
    const isControl = (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0x7f;
    if (isControl || code === 0xfffd) odd += 1;
  }
  return odd > sample.length / 10;
}

/**
 * Text as a table: the delimiter guessed among comma, semicolon and tab; quoted cells may hold
 * delimiters, quotes and line breaks; blank lines are skipped (so a row's number counts the
 * records before it, not blank lines); the first row is the header, its cells trimmed, a blank
 * one named "Column N"; a row shorter than the header is padded, and a longer one adds
 * "Column N" headers when its extra cells hold anything, so no cell is dropped unseen.
 */
export function parseCsvText(text: string, encoding: CsvTable['encoding'] = 'utf-8'): ParseResult {
  const { maxRows, maxColumns, maxCellLength } = CSV_IMPORT_LIMITS;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    // No `preview` limit: it counts blank lines too, so it would cut a file that has many (Excel
    // writes rows of empty cells after the data) short without saying so. The upload is at most
    // 5 MB, which parses in well under a second.
  });
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    const line = unclosed.row === undefined ? '' : ` in row ${unclosed.row + 1}`;
    return {
      ok: false,
      message: `A quoted cell${line} is never closed, so the rest of the file would run into it. Check that row's quotes and upload the file again.`,
    };
  }
  const [headerRow, ...rows] = parsed.data;
  if (!headerRow || headerRow.every((cell) => cell.trim() === '')) {
    return { ok: false, message: 'The file has no header row: its first line should name the columns.' };
  }
  if (rows.length === 0) {
    return { ok: false, message: 'The file has a header row but no rows under it.' };
  }
  if (rows.length > maxRows) {
    return {
      ok: false,
      message: `The file has more than ${formatCount(maxRows)} rows; Rebound reads at most ${formatCount(maxRows)} at a time. Split it into smaller files and import each.`,
    };
  }

  let width = headerRow.length;
  for (const row of rows) {
    for (let index = row.length - 1; index >= width; index -= 1) {
      if ((row[index] ?? '').trim() !== '') {
        width = index + 1;
        break;
      }
    }
  }
  if (width > maxColumns) {
    return {
      ok: false,
      message: `The file has ${formatCount(width)} columns; Rebound reads at most ${maxColumns}. Delete the columns you do not need and upload it again.`,
    };
  }
  const headers = Array.from({ length: width }, (_, index) => headerRow[index]?.trim() || `Column ${index + 1}`);
  const table = rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''));

  for (const [rowIndex, row] of table.entries()) {
    for (const [columnIndex, cell] of row.entries()) {
      if (cell.length > maxCellLength) {
        return {
          ok: false,
          message: `Row ${rowIndex + 2}, column "${headers[columnIndex]}" has ${formatCount(cell.length)} characters; Rebound reads at most ${formatCount(maxCellLength)} in a cell. Shorten it and upload the file again.`,
        };
      }
    }
  }
  for (const [index, header] of headers.entries()) {
    if (header.length > 200) {
      return {
        ok: false,
        message: `Column ${index + 1}'s name is ${formatCount(header.length)} characters long; is the first row really the header?`,
      };
    }
  }

  return { ok: true, table: { headers, rows: table, encoding, delimiter: toDelimiter(parsed.meta.delimiter) } };
}

function toDelimiter(value: string): CsvTable['delimiter'] {
  return value === ';' || value === '\t' ? value : ',';
}

/** Bytes straight to a table, keeping the encoding the bytes were read in. */
export function readCsvBytes(bytes: Uint8Array): ParseResult {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseCsvText(decoded.text, decoded.encoding);
}

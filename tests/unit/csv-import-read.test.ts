import iconv from 'iconv-lite';
import { NOT_A_CSV_MESSAGE, decodeCsvBytes, parseCsvText, readCsvBytes } from '@/lib/domain/csv-import-read';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);

function decodeOk(bytes: Uint8Array) {
  const result = decodeCsvBytes(bytes);
  if (!result.ok) throw new Error(`expected text, got: ${result.message}`);
  return result;
}

function tableOf(text: string) {
  const result = parseCsvText(text);
  if (!result.ok) throw new Error(`expected a table, got: ${result.message}`);
  return result.table;
}

function refusal(result: { ok: true } | { ok: false; message: string }): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('decodeCsvBytes', () => {
  const text = 'Company,Role\nCafé Crème,Développeur\n';

  it('reads UTF-8 without a BOM', () => {
    expect(decodeOk(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM, dropping the mark', () => {
    expect(decodeOk(withBom([0xef, 0xbb, 0xbf], utf8(text)))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-16LE with a BOM, as Excel saves "Unicode Text" (tab-delimited)', () => {
    const excel = 'Company\tRole\r\nCafé Crème\tDéveloppeur\r\n';
    const bytes = new Uint8Array(iconv.encode(excel, 'utf-16le', { addBOM: true }));
    expect(bytes[0]).toBe(0xff);
    expect(decodeOk(bytes)).toEqual({ ok: true, text: excel, encoding: 'utf-16le' });
    const table = readCsvBytes(bytes);
    expect(table).toMatchObject({
      ok: true,
      table: {
        headers: ['Company', 'Role'],
        rows: [['Café Crème', 'Développeur']],
        delimiter: '\t',
        encoding: 'utf-16le',
      },
    });
  });

  it('reads UTF-16BE with a BOM and UTF-16 without one by its NUL bytes', () => {
    expect(decodeOk(new Uint8Array(iconv.encode(text, 'utf-16be', { addBOM: true })))).toEqual({
      ok: true,
      text,
      encoding: 'utf-16be',
    });
    expect(decodeOk(new Uint8Array(iconv.encode(text, 'utf-16le')))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeOk(new Uint8Array(iconv.encode(text, 'utf-16be')))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (é and € as Excel on Windows writes them)', () => {
    const bytes = new Uint8Array(iconv.encode('Company;Salary\nCafé;€50.000\n', 'windows-1252'));
    expect(Array.from(bytes.slice(18, 19))).toEqual([0xe9]);
    expect(Array.from(bytes.slice(20, 21))).toEqual([0x80]);
    expect(decodeOk(bytes)).toEqual({ ok: true, text: 'Company;Salary\nCafé;€50.000\n', encoding: 'windows-1252' });
  });

  it('refuses binary data, naming workbooks and PDFs', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ]);
    expect(refusal(decodeCsvBytes(png))).toBe(NOT_A_CSV_MESSAGE);
    expect(refusal(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0])))).toMatch(
      /spreadsheet workbook, not a CSV/,
    );
    expect(refusal(decodeCsvBytes(utf8('%PDF-1.7\n%âãÏÓ\n')))).toMatch(/PDF, not a CSV/);
    const noise = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 256 || 1);
    expect(refusal(decodeCsvBytes(noise))).toBe(NOT_A_CSV_MESSAGE);
  });

  it('refuses an empty file', () => {
    expect(refusal(decodeCsvBytes(new Uint8Array()))).toBe('The file is empty.');
    expect(refusal(decodeCsvBytes(utf8(' \n\n')))).toBe('The file is empty.');
  });
});

describe('parseCsvText', () => {
  it('guesses a semicolon delimiter and keeps quoted semicolons and newlines', () => {
    const table = tableOf('Company;Role;Notes\n"Acme; Inc";Dev;"line one\nline two"\nBeta;QA;\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Company', 'Role', 'Notes']);
    expect(table.rows).toEqual([
      ['Acme; Inc', 'Dev', 'line one\nline two'],
      ['Beta', 'QA', ''],
    ]);
  });

  it('skips blank lines, trims header cells, names blank ones and pads short rows', () => {
    const table = tableOf(' Company , Role ,\r\n\r\nAcme,Dev,x\r\nBeta\r\n,,\r\n');
    expect(table.headers).toEqual(['Company', 'Role', 'Column 3']);
    expect(table.rows).toEqual([
      ['Acme', 'Dev', 'x'],
      ['Beta', '', ''],
    ]);
  });

  it('keeps the extra cells of a long row under new "Column N" headers', () => {
    const table = tableOf('Company,Role\nAcme,Dev,remote,\n');
    expect(table.headers).toEqual(['Company', 'Role', 'Column 3']);
    expect(table.rows).toEqual([['Acme', 'Dev', 'remote']]);
  });

  it('keeps cells verbatim, formula-looking ones included', () => {
    expect(tableOf('Company,Role\n=HYPERLINK("x"),@SUM(A1)\n').rows).toEqual([['=HYPERLINK("x")', '@SUM(A1)']]);
  });

  it('refuses a file with 100 columns, naming the count and the limit', () => {
    const headers = Array.from({ length: 100 }, (_, index) => `H${index + 1}`).join(',');
    expect(refusal(parseCsvText(`${headers}\n${'x,'.repeat(99)}x\n`))).toBe(
      'The file has 100 columns; Rebound reads at most 60. Delete the columns you do not need and upload it again.',
    );
  });

  it('refuses a 10,000-character cell, naming its row and column', () => {
    expect(refusal(parseCsvText(`Company,Notes\nAcme,ok\nBeta,${'n'.repeat(10_000)}\n`))).toBe(
      'Row 3, column "Notes" has 10,000 characters; Rebound reads at most 5,000 in a cell. Shorten it and upload the file again.',
    );
  });

  it('refuses 20,001 rows and reads 20,000', () => {
    const rows = (count: number) => `Company,Role\n${'Acme,Dev\n'.repeat(count)}`;
    expect(refusal(parseCsvText(rows(20_001)))).toMatch(
      /^The file has more than 20,000 rows; Rebound reads at most 20,000/,
    );
    expect(tableOf(rows(20_000)).rows).toHaveLength(20_000);
  });

  it('counts rows, not lines: blank lines and rows of empty cells neither count nor cut the file short', () => {
    const text = `Company,Role\n${',\n'.repeat(25_000)}${'Acme,Dev\n'.repeat(3)}`;
    expect(tableOf(text).rows).toEqual([
      ['Acme', 'Dev'],
      ['Acme', 'Dev'],
      ['Acme', 'Dev'],
    ]);
  });

  it('refuses a file with no rows, a header of blanks, and an unclosed quote', () => {
    expect(refusal(parseCsvText('Company,Role\n'))).toBe('The file has a header row but no rows under it.');
    expect(refusal(parseCsvText('Company,Role\nAcme,"Dev\nBeta,QA\n'))).toMatch(/quoted cell in row 2 is never closed/);
    expect(refusal(parseCsvText(' , \n'))).toMatch(/no header row/);
  });
});

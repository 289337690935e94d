import { createCsvWriter, toCsv, type CsvCell } from '@/lib/domain/csv';

// A minimal RFC 4180 reader, so tests can check that what we write reads back as intended.
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      inQuotes = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else if (char === '\r' || char === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += char;
    }
  }
  if (inQuotes) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

const oneCell = (value: CsvCell) => toCsv(['value'], [[value]]);
const readOneCell = (value: CsvCell) => parseCsv(oneCell(value))[1]?.[0];

describe('toCsv', () => {
  it('writes a header and rows separated by commas, each record ending in CRLF', () => {
    expect(
      toCsv(
        ['company', 'role'],
        [
          ['Acme', 'Engineer'],
          ['Globex', 'Designer'],
        ],
      ),
    ).toBe('company,role\r\nAcme,Engineer\r\nGlobex,Designer\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('never emits a bare LF as a record separator', () => {
    const csv = toCsv(['a'], [['x'], ['y']]);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('quotes cells containing commas', () => {
    expect(oneCell('Acme, Inc.')).toBe('value\r\n"Acme, Inc."\r\n');
  });

  it('doubles quotes and wraps the cell in quotes', () => {
    expect(oneCell('The "Big" One')).toBe('value\r\n"The ""Big"" One"\r\n');
    expect(readOneCell('The "Big" One')).toBe('The "Big" One');
  });

  it.each([
    ['LF', 'line one\nline two'],
    ['CRLF', 'line one\r\nline two'],
    ['CR', 'line one\rline two'],
  ])('keeps a %s inside a quoted cell intact', (_name, text) => {
    const csv = oneCell(text);
    expect(csv).toBe(`value\r\n"${text}"\r\n`);
    expect(readOneCell(text)).toBe(text);
  });

  it('leaves plain text, spaces and non-ASCII unquoted', () => {
    expect(oneCell('  Zoë Müller 日本 ')).toBe('value\r\n  Zoë Müller 日本 \r\n');
  });

  describe('formula injection protection', () => {
    it.each([
      ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
      ['=1+1', "'=1+1"],
      ['+44 20 7946 0000', "'+44 20 7946 0000"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', `"'\r=1+1"`],
    ])('prefixes %p with an apostrophe', (text, expected) => {
      expect(oneCell(text)).toBe(`value\r\n${expected}\r\n`);
    });

    it('reads back as the original text behind the apostrophe', () => {
      expect(readOneCell('=cmd|" /C calc"!A0')).toBe(`'=cmd|" /C calc"!A0`);
    });

    it('only looks at the first character', () => {
      expect(oneCell('a=b')).toBe('value\r\na=b\r\n');
      expect(oneCell('Jean-Luc')).toBe('value\r\nJean-Luc\r\n');
      expect(oneCell('hi @there')).toBe('value\r\nhi @there\r\n');
    });

    it('protects headers too', () => {
      expect(toCsv(['=evil'], [])).toBe("'=evil\r\n");
    });

    it('leaves typed numbers alone, including negative ones', () => {
      expect(oneCell(-5)).toBe('value\r\n-5\r\n');
      expect(oneCell(3.25)).toBe('value\r\n3.25\r\n');
    });

    it('does protect a negative number that arrives as text', () => {
      expect(oneCell('-5')).toBe("value\r\n'-5\r\n");
    });
  });

  it('writes null and undefined as empty cells', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, 'x']])).toBe('a,b,c\r\n,,x\r\n');
    expect(parseCsv(toCsv(['a', 'b'], [[null, null]]))[1]).toEqual(['', '']);
  });

  it('writes an empty string as an empty cell', () => {
    expect(oneCell('')).toBe('value\r\n\r\n');
  });

  it('writes booleans as true/false and non-finite numbers as empty', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[true, false, Number.NaN, Number.POSITIVE_INFINITY]])).toBe(
      'a,b,c,d\r\ntrue,false,,\r\n',
    );
  });

  it('writes Dates as ISO 8601 in UTC', () => {
    expect(oneCell(new Date('2026-03-29T01:30:00+01:00'))).toBe('value\r\n2026-03-29T00:30:00.000Z\r\n');
  });

  it('refuses an invalid Date rather than writing "Invalid Date"', () => {
    expect(() => oneCell(new Date('not a date'))).toThrow('Cannot write an invalid Date to CSV.');
  });

  it('refuses rows whose length does not match the headers', () => {
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow('CSV row 2 has 1 cells but there are 2 headers.');
    expect(() => toCsv(['a'], [['1', '2']])).toThrow(/row 1 has 2 cells/);
  });

  it('adds no byte order mark unless asked', () => {
    expect(toCsv(['a'], []).charCodeAt(0)).toBe('a'.charCodeAt(0));
    expect(toCsv(['a'], [], { bom: false }).startsWith('\uFEFF')).toBe(false);
  });

  it('adds a UTF-8 byte order mark when asked', () => {
    const csv = toCsv(['a'], [['é']], { bom: true });
    expect(csv).toBe('\uFEFFa\r\né\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('round-trips a realistic export through an RFC 4180 reader', () => {
    const headers = ['Company', 'Role', 'Start', 'Notes', 'Travel minutes', 'Remote'];
    const rows: CsvCell[][] = [
      [
        'Acme, Inc.',
        'Senior "Platform" Engineer',
        new Date('2026-05-12T14:00:00Z'),
        'Bring ID\nAsk about "on-call"',
        45,
        false,
      ],
      ['=Globex', '@Designer', null, '', undefined, true],
    ];
    expect(parseCsv(toCsv(headers, rows))).toEqual([
      headers,
      [
        'Acme, Inc.',
        'Senior "Platform" Engineer',
        '2026-05-12T14:00:00.000Z',
        'Bring ID\nAsk about "on-call"',
        '45',
        'false',
      ],
      ["'=Globex", "'@Designer", '', '', '', 'true'],
    ]);
  });
});

describe('createCsvWriter', () => {
  it('writes, record by record, exactly what toCsv writes at once', () => {
    const headers = ['Company', 'Notes', 'Start'];
    const rows: CsvCell[][] = [
      ['=Acme, Inc.', 'Line one\nLine "two"', new Date('2026-05-12T14:00:00Z')],
      ['Globex', null, undefined],
    ];
    for (const options of [{}, { bom: true }]) {
      const writer = createCsvWriter(headers, options);
      expect(writer.header + rows.map((row) => writer.row(row)).join('')).toBe(toCsv(headers, rows, options));
    }
  });

  it('counts records across calls when it refuses a short one', () => {
    const writer = createCsvWriter(['a', 'b']);
    writer.row(['1', '2']);
    expect(() => writer.row(['3'])).toThrow('CSV row 2 has 1 cells but there are 2 headers.');
  });
});

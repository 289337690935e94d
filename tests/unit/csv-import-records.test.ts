import iconv from 'iconv-lite';
import { DEFAULT_STAGES } from '@/lib/domain/application-stages';
import { toCsv, type CsvCell } from '@/lib/domain/csv';
import type { CsvImportOptions, CsvTable, ImportField } from '@/lib/domain/csv-import';
import { APPLICATION_CSV_HEADERS, INTERVIEW_CSV_HEADERS } from '@/lib/domain/csv-import-headers';
import { defaultOptions } from '@/lib/domain/csv-import-mapping';
import { readCsvBytes } from '@/lib/domain/csv-import-read';
import { unneutraliseCell } from '@/lib/domain/csv-import-cells';
import { buildImportRecords } from '@/lib/domain/csv-import-records';

// Applied dates after this day are in the future (and skipped); the samples are all before it.
const NOW = new Date('2026-12-07T12:00:00Z');
const stages = DEFAULT_STAGES.map((stage) => ({
  id: `stage-${stage.systemKey}`,
  name: stage.name,
  systemKey: stage.systemKey,
}));

function readTable(text: string): CsvTable {
  const result = readCsvBytes(new TextEncoder().encode(text));
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

function options(columns: (ImportField | null)[], extra: Partial<CsvImportOptions> = {}): CsvImportOptions {
  return { presetId: null, columns, stageMap: {}, dateOrder: 'DMY', timeZone: 'Europe/London', ...extra };
}

describe('buildImportRecords: Rebound’s applications export', () => {
  // Cells in APPLICATION_CSV_HEADERS order, as toCells in stream-applications-csv.ts writes them.
  const rows: CsvCell[][] = [
    [
      '=Evil Corp',
      'Staff engineer, platform',
      'Interviewing',
      null,
      null,
      'Job board',
      'LinkedIn',
      'https://jobs.example.com/1',
      'Berlin',
      false,
      90_000,
      110_000,
      'EUR',
      'per year',
      '2026-11-02',
      new Date('2026-11-05T08:00:00Z'),
      '- first call went well\n+ ask about on-call',
      'Jane Roe (recruiter), jane@example.com, +49 30 1234567\n@bob (hiring manager)',
      '2026-11-02 Applied → 2026-11-09 Interviewing',
      new Date('2026-11-01T10:15:30.123Z'),
    ],
    [
      'Beta',
      'QA',
      'Rejected',
      new Date('2026-11-20T09:00:00Z'),
      'Rejected',
      'Other',
      'Meetup',
      null,
      null,
      true,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '',
      '2026-11-03 Applied → 2026-11-20 Rejected',
      new Date('2026-11-03T12:00:00Z'),
    ],
    [
      'Gamma',
      'Intern',
      'Saved',
      null,
      null,
      'Not recorded',
      null,
      null,
      null,
      false,
      ...Array(9).fill(null),
      new Date('2026-11-04T00:00:00Z'),
    ],
  ];
  const table = readTable(toCsv(APPLICATION_CSV_HEADERS, rows, { bom: true }));

  it('is detected, and every row comes back as it was exported', () => {
    const chosen = defaultOptions(table, stages, 'Europe/Berlin');
    expect(chosen.presetId).toBe('rebound-applications');
    expect(chosen.stageMap).toEqual({
      Interviewing: 'stage-INTERVIEWING',
      Rejected: 'stage-REJECTED',
      Saved: 'stage-SAVED',
    });
    const { records, skipped } = buildImportRecords(table, chosen, NOW);
    expect(skipped).toEqual([]);
    expect(records.map((record) => record.application)).toEqual([
      {
        company: '=Evil Corp',
        roleTitle: 'Staff engineer, platform',
        stageValue: 'Interviewing',
        appliedOn: '2026-11-02',
        source: 'JOB_BOARD',
        sourceDetail: 'LinkedIn',
        postingUrl: 'https://jobs.example.com/1',
        location: 'Berlin',
        isRemote: false,
        salaryMin: 90_000,
        salaryMax: 110_000,
        salaryCurrency: 'EUR',
        salaryPeriod: 'YEAR',
        notes: '- first call went well\n+ ask about on-call',
        closeReason: null,
        addedAt: '2026-11-01T10:15:30.123Z',
      },
      {
        company: 'Beta',
        roleTitle: 'QA',
        stageValue: 'Rejected',
        appliedOn: null,
        source: 'OTHER',
        sourceDetail: 'Meetup',
        postingUrl: null,
        location: null,
        isRemote: true,
        salaryMin: null,
        salaryMax: null,
        salaryCurrency: null,
        salaryPeriod: null,
        notes: null,
        closeReason: 'REJECTED',
        addedAt: '2026-11-03T12:00:00.000Z',
      },
      expect.objectContaining({
        company: 'Gamma',
        source: null,
        sourceDetail: null,
        addedAt: '2026-11-04T00:00:00.000Z',
      }),
    ]);
    expect(records[0]?.contacts).toEqual([
      { name: 'Jane Roe', email: 'jane@example.com', phone: '+49 30 1234567', role: 'RECRUITER' },
      { name: '@bob', email: null, phone: null, role: 'HIRING_MANAGER' },
    ]);
    expect(records[0]?.stageHistory).toEqual([
      { on: '2026-11-02', fromStageName: null, toStageName: 'Applied' },
      { on: '2026-11-09', fromStageName: 'Applied', toStageName: 'Interviewing' },
    ]);
    expect(records.map((record) => record.interview)).toEqual([null, null, null]);
  });

  it('gives the same row the same key every time, and different rows different keys', () => {
    const chosen = defaultOptions(table, stages, 'Europe/Berlin');
    const first = buildImportRecords(table, chosen, NOW).records.map((record) => record.keySource);
    const again = buildImportRecords(
      readTable(toCsv(APPLICATION_CSV_HEADERS, rows, { bom: true })),
      chosen,
      NOW,
    ).records;
    expect(again.map((record) => record.keySource)).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('recognises a record in a newer export by its company, role and the instant it was added', () => {
    const chosen = defaultOptions(table, stages, 'Europe/Berlin');
    const [before] = buildImportRecords(table, chosen, NOW).records;
    const changed = rows.map((row) => [...row]);
    changed[0]?.splice(2, 1, 'Offer');
    const [after] = buildImportRecords(
      readTable(toCsv(APPLICATION_CSV_HEADERS, changed, { bom: true })),
      chosen,
      NOW,
    ).records;
    expect(after?.application.stageValue).toBe('Offer');
    expect(after?.keySource).toBe(before?.keySource);
  });
});

describe('buildImportRecords: Rebound’s interviews export', () => {
  const rows: CsvCell[][] = [
    [
      'Acme',
      'Backend engineer',
      'Technical',
      '8 Dec 2026, 15:00',
      'Europe/Berlin',
      new Date('2026-12-08T14:00:00Z'),
      45,
      'Video call',
      'Completed',
      null,
      'https://meet.example.com/abc',
      'Jane Roe',
      'jane@example.com',
      '+49 30 1234567',
      null,
      10,
      '+ bring questions',
      '',
      new Date('2026-12-01T09:00:00Z'),
    ],
  ];

  it('makes each row an interview in its own zone, for the application of its company and role', () => {
    const table = readTable(toCsv(INTERVIEW_CSV_HEADERS, rows));
    const chosen = defaultOptions(table, stages, 'America/New_York');
    expect(chosen.presetId).toBe('rebound-interviews');
    const { records, skipped } = buildImportRecords(table, chosen, NOW);
    expect(skipped).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]?.application).toMatchObject({ company: 'Acme', roleTitle: 'Backend engineer', notes: null });
    expect(records[0]?.interview).toEqual({
      startLocal: '2026-12-08T15:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      format: 'VIDEO',
      roundLabel: 'Technical',
      location: null,
      meetingUrl: 'https://meet.example.com/abc',
      notes: '+ bring questions',
      status: 'COMPLETED',
    });
    expect(records[0]?.contacts).toEqual([
      { name: 'Jane Roe', email: 'jane@example.com', phone: '+49 30 1234567', role: 'INTERVIEWER' },
    ]);
  });

  it('keeps two rounds of one application added in the same instant (as an import writes them) apart by their start', () => {
    const [first] = rows;
    if (!first) throw new Error('no sample row');
    const second = [...first];
    second[2] = 'Onsite';
    second[3] = '15 Dec 2026, 10:00';
    second[5] = new Date('2026-12-15T09:00:00Z');
    const table = readTable(toCsv(INTERVIEW_CSV_HEADERS, [first, second]));
    const { records, skipped } = buildImportRecords(table, defaultOptions(table, stages, 'UTC'), NOW);
    expect(skipped).toEqual([]);
    expect(records.map((record) => record.interview?.startLocal)).toEqual(['2026-12-08T15:00', '2026-12-15T10:00']);
    expect(new Set(records.map((record) => record.keySource)).size).toBe(2);
  });
});

describe('buildImportRecords: rows', () => {
  const columns: (ImportField | null)[] = ['company', 'roleTitle', 'stage', 'appliedOn', 'notes'];
  const build = (text: string, extra: Partial<CsvImportOptions> = {}) =>
    buildImportRecords(readTable(text), options(columns, extra), NOW);

  it('skips rows without a company or a role, and repeats of an earlier row', () => {
    const { records, skipped } = build(
      'Company,Role,Status,Applied,Notes\nAcme,Dev,Applied,1/2/2026,\n,QA,,,\nBeta,,,,\n ACME , dev ,applied,1/2/2026,\n',
    );
    expect(records.map((record) => record.rowNumber)).toEqual([2]);
    expect(skipped.map(({ rowNumber, reason }) => [rowNumber, reason])).toEqual([
      [3, 'No company'],
      [4, 'No role'],
      [5, 'Same as row 2'],
    ]);
    expect(skipped[0]?.cells).toEqual(['', 'QA', '', '', '']);
  });

  it('reads dates in the chosen order and names an unreadable one', () => {
    const text = 'Company,Role,Status,Applied,Notes\nAcme,Dev,,3/4/2026,\nBeta,QA,,31/02/2026,\n';
    expect(build(text).records[0]?.application.appliedOn).toBe('2026-04-03');
    expect(build(text, { dateOrder: 'MDY' }).records[0]?.application.appliedOn).toBe('2026-03-04');
    expect(build(text).skipped.map((row) => row.reason)).toEqual([
      'Cannot read the date "31/02/2026" in column "Applied"; write it like 2026-12-07, or check the day order chosen for the file.',
    ]);
  });

  it('skips an applied date in the future, as the form refuses one', () => {
    const table = readTable('Company,Role,Status,Applied,Notes\nAcme,Dev,,12/5/2026,\n');
    const now = new Date('2026-06-01T12:00:00Z');
    expect(buildImportRecords(table, options(columns), now).records[0]?.application.appliedOn).toBe('2026-05-12');
    expect(
      buildImportRecords(table, options(columns, { dateOrder: 'MDY' }), now).skipped.map((row) => row.reason),
    ).toEqual([
      'The applied date 2026-12-05 (from "12/5/2026" in column "Applied") is in the future; check the day order chosen for the file.',
    ]);
  });

  it('keeps formula-looking text as text, and strips the apostrophe only from Rebound’s own files', () => {
    const text = "Company,Role,Status,Applied,Notes\n=cmd|' /C calc'!A0,'=SUM(1),,,'-note\n";
    const { records } = build(text);
    expect(records[0]?.application).toMatchObject({
      company: "=cmd|' /C calc'!A0",
      roleTitle: "'=SUM(1)",
      notes: "'-note",
    });
    expect(unneutraliseCell("'=SUM(1)")).toBe('=SUM(1)');
    expect(unneutraliseCell("'quoted")).toBe("'quoted");
  });

  it('refuses control characters and half surrogate pairs as typed text does, naming the column', () => {
    // Decoded bytes never hold half a surrogate pair (the decoder writes U+FFFD); text handed in directly can.
    const table: CsvTable = {
      ...readTable(
        'Company,Role,Status,Applied,Notes\nAc\u0007me,Dev,,,\nBeta,QA,,,x\nGamma,QA,,,"two\nlines\tand a tab"\n',
      ),
    };
    table.rows[1] = ['Beta', 'QA', '', '', 'bad \ud800 half'];
    const { records, skipped } = buildImportRecords(table, options(columns), NOW);
    expect(skipped.map((row) => row.reason)).toEqual([
      'Column "Company" has invisible control characters (or half of an emoji); remove them and import the row again.',
      'Column "Notes" has invisible control characters (or half of an emoji); remove them and import the row again.',
    ]);
    expect(records[0]?.application.notes).toBe('two\nlines\tand a tab');
  });

  it('skips a row whose UTF-16 bytes hold half a surrogate pair, with text the database can keep', () => {
    // The file is kept as text in PostgreSQL, which cannot hold half a pair: the decoded text must
    // already be what is stored, or the preview and the import would read different rows.
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Company\tRole\nAc', 'utf16le'),
        Buffer.from([0x00, 0xd8]),
        Buffer.from('me\tDev\nBeta\tQA\n', 'utf16le'),
      ]),
    );
    const read = readCsvBytes(bytes);
    if (!read.ok) throw new Error(read.message);
    expect(read.table.rows[0]?.[0]).toBe('Ac\uFFFDme');
    const { records, skipped } = buildImportRecords(read.table, options(['company', 'roleTitle']), NOW);
    expect(skipped.map((row) => row.reason)).toEqual([
      'Column "Company" has a character the file’s encoding could not hold (shown as �); fix it and import the row again.',
    ]);
    expect(records.map((record) => record.application.company)).toEqual(['Beta']);
  });

  it('treats "-" and "N/A" as empty cells', () => {
    const { records, skipped } = build('Company,Role,Status,Applied,Notes\nAcme,Dev,-,N/A,—\nN/A,QA,,,\n');
    expect(records[0]?.application).toMatchObject({ stageValue: null, appliedOn: null, notes: null });
    expect(skipped.map((row) => row.reason)).toEqual(['No company']);
  });
});

describe('buildImportRecords: fields', () => {
  it('reads salary, source, link, remote and a contact trio, keeping what it cannot read in the notes', () => {
    const text =
      'Company,Role,Salary,Source,Link,Location,Recruiter,Recruiter email,Recruiter phone\n' +
      'Acme,Dev,$120k–140k,Referred by Sam,jobs.example.com/1,Remote (EU),Jane,JANE@example.com,+1 555 010 0000\n' +
      'Beta,QA,Competitive,,not a link,,,bob@,\n';
    const table = readTable(text);
    const chosen = defaultOptions(table, stages, 'Europe/London');
    expect(chosen.columns).toEqual([
      'company',
      'roleTitle',
      'salary',
      'source',
      'postingUrl',
      'location',
      'contactName',
      'contactEmail',
      'contactPhone',
    ]);
    const { records } = buildImportRecords(table, chosen, NOW);
    expect(records[0]?.application).toMatchObject({
      salaryMin: 120_000,
      salaryMax: 140_000,
      salaryCurrency: 'USD',
      salaryPeriod: null,
      source: 'REFERRAL',
      sourceDetail: 'Referred by Sam',
      postingUrl: 'https://jobs.example.com/1',
      location: 'Remote (EU)',
      isRemote: true,
      notes: null,
    });
    expect(records[0]?.contacts).toEqual([
      { name: 'Jane', email: 'jane@example.com', phone: '+1 555 010 0000', role: 'RECRUITER' },
    ]);
    expect(records[1]?.application).toMatchObject({
      salaryMin: null,
      postingUrl: null,
      notes: 'Posting: not a link\n\nSalary: Competitive\n\nRecruiter email: bob@',
    });
    expect(records[1]?.contacts).toEqual([]);
  });

  it('makes an interview from a date and a time in the file’s zone or the user’s', () => {
    const text =
      'Company,Role,Interview date,Time,Time zone\n' +
      'Acme,Dev,7/12/2026,2:30 pm,America/New_York\n' +
      'Beta,QA,8/12/2026 09:00,,\n' +
      'Gamma,PM,9/12/2026,14:00,W. Europe Standard Time\n';
    const table = readTable(text);
    const chosen = defaultOptions(table, stages, 'Europe/London');
    expect(chosen.columns).toEqual(['company', 'roleTitle', 'interviewDate', 'interviewTime', 'timeZone']);
    const { records } = buildImportRecords(table, chosen, NOW);
    expect(records.map((record) => [record.interview?.startLocal, record.interview?.timeZone])).toEqual([
      ['2026-12-07T14:30', 'America/New_York'],
      ['2026-12-08T09:00', 'Europe/London'],
      ['2026-12-09T14:00', 'Europe/Berlin'],
    ]);
    expect(records[0]?.interview).toMatchObject({ durationMinutes: 60, format: 'VIDEO', roundLabel: null });
  });

  it('adds no interview without a time, and says so; refuses a zone that does not exist', () => {
    const text = 'Company,Role,Interview date,Time zone\nAcme,Dev,7/12/2026,\nBeta,QA,8/12/2026 10:00,Mars/Olympus\n';
    const { records, skipped } = buildImportRecords(
      readTable(text),
      options(['company', 'roleTitle', 'interviewDate', 'timeZone']),
      NOW,
    );
    expect(records[0]?.interview).toBeNull();
    expect(records[0]?.notices).toEqual([
      'The interview on 2026-12-07 has no time, so it was not added; add it on the application.',
    ]);
    expect(records[0]?.application.notes).toBe('Interview: 2026-12-07');
    expect(skipped.map((row) => row.reason)).toEqual([
      'The time zone "Mars/Olympus" in column "Time zone" does not exist; use a name like Europe/London.',
    ]);
  });
});

describe('buildImportRecords: files as Excel saves them', () => {
  const sheet =
    'Company;Position;Status;Date Applied;Salary\r\nSociété Générale;Développeur;Entretien;25/11/2026;€50.000/yr\r\n';

  it.each([
    ['Windows-1252 CSV (semicolons)', new Uint8Array(iconv.encode(sheet, 'windows-1252'))],
    [
      'Unicode Text (UTF-16LE, tabs)',
      new Uint8Array(iconv.encode(sheet.replaceAll(';', '\t'), 'utf-16le', { addBOM: true })),
    ],
    ['CSV UTF-8 (with a BOM)', new Uint8Array(iconv.encode(sheet, 'utf-8', { addBOM: true }))],
  ])('%s', (_, bytes) => {
    const read = readCsvBytes(bytes);
    if (!read.ok) throw new Error(read.message);
    const chosen = defaultOptions(read.table, stages, 'Europe/Paris');
    expect(chosen.dateOrder).toBe('DMY');
    const { records } = buildImportRecords(read.table, chosen, NOW);
    expect(records[0]?.application).toMatchObject({
      company: 'Société Générale',
      roleTitle: 'Développeur',
      stageValue: 'Entretien',
      appliedOn: '2026-11-25',
      salaryMin: 50_000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'YEAR',
    });
  });
});

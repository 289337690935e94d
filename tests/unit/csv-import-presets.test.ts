import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_STAGES } from '@/lib/domain/application-stages';
import { toCsv } from '@/lib/domain/csv';
import type { CsvTable } from '@/lib/domain/csv-import';
import { APPLICATION_CSV_HEADERS, INTERVIEW_CSV_HEADERS } from '@/lib/domain/csv-import-headers';
import { defaultOptions } from '@/lib/domain/csv-import-mapping';
import { CSV_PRESETS, detectPreset, findPreset } from '@/lib/domain/csv-import-presets';
import { readCsvBytes } from '@/lib/domain/csv-import-read';
import { buildImportRecords } from '@/lib/domain/csv-import-records';
import { APPLICATION_CSV_HEADERS as EXPORTED_APPLICATION_HEADERS } from '@/lib/server/applications/stream-applications-csv';
import { INTERVIEW_CSV_HEADERS as EXPORTED_INTERVIEW_HEADERS } from '@/lib/server/interviews/stream-interviews-csv';

// Applied dates after this day are in the future (and skipped); the samples are all before it.
const NOW = new Date('2026-12-07T12:00:00Z');
const stages = DEFAULT_STAGES.map((stage) => ({
  id: `stage-${stage.systemKey}`,
  name: stage.name,
  systemKey: stage.systemKey,
}));

function readBytes(bytes: Uint8Array): CsvTable {
  const result = readCsvBytes(bytes);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

const fixture = (name: string) =>
  readBytes(new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'csv', name))));
const sample = (headers: readonly string[], rows: string[][]) =>
  readBytes(new TextEncoder().encode(toCsv(headers, rows)));

function importTable(table: CsvTable, timeZone = 'UTC') {
  const options = defaultOptions(table, stages, timeZone);
  return { options, ...buildImportRecords(table, options, NOW) };
}

describe('presets', () => {
  it('each cites its source and maps only its own headers', () => {
    for (const preset of CSV_PRESETS) {
      expect(preset.source).not.toBe('');
      for (const header of [...Object.keys(preset.columns), ...(preset.requiredHeaders ?? [])]) {
        expect(preset.headers).toContain(header);
      }
      expect(new Set(CSV_PRESETS.map((each) => each.id)).size).toBe(CSV_PRESETS.length);
    }
  });

  it('each is detected from its own header row and no other', () => {
    for (const preset of CSV_PRESETS) {
      expect(detectPreset(preset.headers)?.id).toBe(preset.id);
      expect(detectPreset(preset.requiredHeaders ?? preset.headers)?.id).toBe(preset.id);
    }
    expect(detectPreset(['Company', 'Role', 'Status'])).toBeNull();
  });

  it('reads Rebound’s headers from the same list the exports write', () => {
    expect(EXPORTED_APPLICATION_HEADERS).toBe(APPLICATION_CSV_HEADERS);
    expect(EXPORTED_INTERVIEW_HEADERS).toBe(INTERVIEW_CSV_HEADERS);
    expect(findPreset('rebound-applications')?.headers).toEqual([...APPLICATION_CSV_HEADERS]);
    expect(findPreset('rebound-interviews')?.headers).toEqual([...INTERVIEW_CSV_HEADERS]);
  });
});

describe('Huntr', () => {
  it('reads the real export: ids as keys, list names as stages, "-" as nothing, UTC times', () => {
    const { options, records, skipped } = importTable(fixture('huntr-export.csv'), 'America/New_York');
    expect(options.presetId).toBe('huntr');
    expect(options.stageMap).toEqual({ applied: 'stage-APPLIED', rejected: 'stage-REJECTED' });
    expect(skipped).toEqual([]);
    expect(
      records.map((record) => [record.application.company, record.application.stageValue, record.keySource]),
    ).toEqual([
      ['Samsung Electronics', 'applied', 'huntr:621a7cb175c52e0028bec585'],
      ['Yext', 'rejected', 'huntr:621a7db675c52e0028bec61c'],
      ['Box', 'applied', 'huntr:621a7e0c75c52e0028bec67b'],
      ['Microsoft', 'rejected', 'huntr:621a82f575c52e0028bec896'],
    ]);
    expect(records[3]?.application).toMatchObject({
      roleTitle: 'Software Engineer (Atlanta, GA): Intern Opportunities',
      location: null,
      postingUrl: null,
      addedAt: '2022-02-26T19:43:49.000Z',
    });
  });

  it('reads a sample built from its header list', () => {
    const headers = findPreset('huntr')?.headers ?? [];
    const row = Object.fromEntries(headers.map((header) => [header, '-']));
    Object.assign(row, {
      id: 'abc123',
      createdAt: '2026-11-02 09:30:00',
      title: 'Data engineer',
      salary: '$150,000',
      location: 'Remote',
      url: 'https://jobs.example.com/9',
      listName: 'Interview',
      companyName: 'Acme',
      boardName: 'Search 2026',
    });
    const { options, records } = importTable(sample(headers, [headers.map((header) => row[header] ?? '')]));
    expect(options.presetId).toBe('huntr');
    expect(options.stageMap).toEqual({ Interview: 'stage-INTERVIEWING' });
    expect(records[0]?.application).toMatchObject({
      company: 'Acme',
      roleTitle: 'Data engineer',
      salaryMin: 150_000,
      salaryCurrency: 'USD',
      isRemote: true,
      postingUrl: 'https://jobs.example.com/9',
      addedAt: '2026-11-02T09:30:00.000Z',
    });
    expect(records[0]?.keySource).toBe('huntr:abc123');
  });
});

describe('JobSync', () => {
  it('reads the export as its code writes it', () => {
    const { options, records, skipped } = importTable(fixture('jobsync-export.csv'));
    expect(options.presetId).toBe('jobsync');
    expect(options.stageMap).toEqual({ Applied: 'stage-APPLIED', Draft: 'stage-SAVED', Rejected: 'stage-REJECTED' });
    expect(skipped).toEqual([]);
    expect(records).toHaveLength(6);
    expect(records[4]?.application).toMatchObject({
      company: 'Apple',
      roleTitle: 'Frontend Developer',
      appliedOn: '2024-06-18',
      source: 'JOB_BOARD',
      sourceDetail: 'Indeed',
      location: 'San Francisco',
      isRemote: false,
      stageValue: 'Applied',
    });
  });

  it('reads a sample of the older header list (no workplaceType), with its "N/A" fillers', () => {
    const headers = [
      'index',
      'createdAt',
      'applied',
      'appliedDate',
      'Company',
      'JobTitle',
      'jobType',
      'Location',
      'JobSource',
      'Status',
    ];
    const { options, records } = importTable(
      sample(headers, [
        ['1', '2026-11-01', 'No', 'N/A', 'Acme', 'Dev', 'Contract', 'N/A', 'Company Career Page', 'Expired'],
      ]),
    );
    expect(options.presetId).toBe('jobsync');
    expect(options.stageMap).toEqual({ Expired: null });
    expect(records[0]?.application).toMatchObject({ appliedOn: null, location: null, source: 'COMPANY_SITE' });
  });
});

describe('LinkedIn', () => {
  it('reads the real Job Applications.csv: US dates, the applicant’s own email not a contact', () => {
    const { options, records, skipped } = importTable(fixture('linkedin-job-applications.csv'));
    expect(options.presetId).toBe('linkedin');
    expect(options.dateOrder).toBe('MDY');
    expect(skipped).toEqual([]);
    expect(records).toHaveLength(8);
    expect(records[0]?.application).toMatchObject({
      company: 'The View',
      appliedOn: '2025-02-14',
      source: 'JOB_BOARD',
      sourceDetail: 'LinkedIn',
      postingUrl: 'http://www.linkedin.com/jobs/view/4143538133',
    });
    expect(records.every((record) => record.contacts.length === 0)).toBe(true);
  });

  it('reads a sample built from its header list', () => {
    const headers = findPreset('linkedin')?.headers ?? [];
    const { options, records } = importTable(
      sample(headers, [
        [
          '3/4/26, 9:05 PM',
          'me@example.com',
          '+1 555',
          'Acme',
          'Dev',
          'https://www.linkedin.com/jobs/view/1',
          'cv.pdf',
          '',
        ],
      ]),
    );
    expect(options.presetId).toBe('linkedin');
    expect(options.dateOrder).toBe('MDY');
    expect(records[0]?.application.appliedOn).toBe('2026-03-04');
  });
});

describe('Reactive Resume', () => {
  it('reads a file in the shape its guide shows', () => {
    const headers = ['Company', 'Role', 'Stage', 'Location', 'Salary', 'Source', 'Tags'];
    const { options, records } = importTable(
      sample(headers, [
        ['Stripe', 'Frontend Engineer', 'applied', 'Remote', '$180k', 'LinkedIn', 'remote;react'],
        ['Acme', 'Backend Engineer', 'interview', 'Berlin', '', '', ''],
      ]),
    );
    expect(options.presetId).toBe('reactive-resume');
    expect(options.columns).toEqual(['company', 'roleTitle', 'stage', 'location', 'salary', 'source', null]);
    expect(options.stageMap).toEqual({ applied: 'stage-APPLIED', interview: 'stage-INTERVIEWING' });
    expect(records[0]?.application).toMatchObject({
      company: 'Stripe',
      salaryMin: 180_000,
      salaryMax: 180_000,
      salaryCurrency: 'USD',
      isRemote: true,
      source: 'JOB_BOARD',
    });
  });
});

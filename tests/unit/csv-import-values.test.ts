import type { ImportedStageStep } from '@/lib/domain/csv-import';
import {
  parseContactsCell,
  parseDurationMinutes,
  parseInterviewFormat,
  parseRemote,
  parseSalaryText,
  parseSource,
  parseStageHistory,
} from '@/lib/domain/csv-import-values';
import { formatStageHistory } from '@/lib/domain/proof-of-search';

describe('parseSalaryText', () => {
  it.each([
    ['$120k–140k', { salaryMin: 120_000, salaryMax: 140_000, salaryCurrency: 'USD', salaryPeriod: null }],
    ['120–140k USD', { salaryMin: 120_000, salaryMax: 140_000, salaryCurrency: 'USD', salaryPeriod: null }],
    ['120000', { salaryMin: 120_000, salaryMax: 120_000, salaryCurrency: null, salaryPeriod: null }],
    ['€50.000/yr', { salaryMin: 50_000, salaryMax: 50_000, salaryCurrency: 'EUR', salaryPeriod: 'YEAR' }],
    [
      '£50,000 - £60,000 per year',
      { salaryMin: 50_000, salaryMax: 60_000, salaryCurrency: 'GBP', salaryPeriod: 'YEAR' },
    ],
    ['40 USD/hour', { salaryMin: 40, salaryMax: 40, salaryCurrency: 'USD', salaryPeriod: 'HOUR' }],
    ['$45.50/hr', { salaryMin: 46, salaryMax: 46, salaryCurrency: 'USD', salaryPeriod: 'HOUR' }],
    ['4.000 EUR monthly', { salaryMin: 4_000, salaryMax: 4_000, salaryCurrency: 'EUR', salaryPeriod: 'MONTH' }],
    ['Up to 90k CAD', { salaryMin: null, salaryMax: 90_000, salaryCurrency: 'CAD', salaryPeriod: null }],
    ['From CHF 100 000 p.a.', { salaryMin: 100_000, salaryMax: null, salaryCurrency: 'CHF', salaryPeriod: 'YEAR' }],
    ['1,5m', { salaryMin: 1_500_000, salaryMax: 1_500_000, salaryCurrency: null, salaryPeriod: null }],
  ])('%s', (text, expected) => {
    expect(parseSalaryText(text)).toEqual(expected);
  });

  it.each(['Competitive', 'DOE', '10, 20 or 30k', ''])('reads nothing from %j', (text) => {
    expect(parseSalaryText(text)).toBeNull();
  });
});

describe('parseSource', () => {
  it.each([
    ['LinkedIn', { source: 'JOB_BOARD', sourceDetail: 'LinkedIn' }],
    ['Indeed', { source: 'JOB_BOARD', sourceDetail: 'Indeed' }],
    ['Job board', { source: 'JOB_BOARD', sourceDetail: null }],
    ['Referral', { source: 'REFERRAL', sourceDetail: null }],
    ['Referred by Sam', { source: 'REFERRAL', sourceDetail: 'Referred by Sam' }],
    ['Company Career Page', { source: 'COMPANY_SITE', sourceDetail: 'Company Career Page' }],
    ['Agency (Hays)', { source: 'RECRUITER', sourceDetail: 'Agency (Hays)' }],
    ['Meetup', { source: 'OTHER', sourceDetail: 'Meetup' }],
    ['Not recorded', { source: null, sourceDetail: null }],
    ['', { source: null, sourceDetail: null }],
  ])('%s', (text, expected) => {
    expect(parseSource(text)).toEqual(expected);
  });
});

describe('small readers', () => {
  it('reads interview formats from Rebound’s labels and common words', () => {
    expect(parseInterviewFormat('Video call')).toBe('VIDEO');
    expect(parseInterviewFormat('In person')).toBe('IN_PERSON');
    expect(parseInterviewFormat('Phone call')).toBe('PHONE');
    expect(parseInterviewFormat('Zoom')).toBe('VIDEO');
    expect(parseInterviewFormat('Onsite')).toBe('IN_PERSON');
    expect(parseInterviewFormat('Lunch')).toBeNull();
  });

  it('reads remote from yes/no cells and workplace words', () => {
    expect(['true', 'Yes', 'Remote', 'Fully remote'].map(parseRemote)).toEqual([true, true, true, true]);
    expect(['false', 'No', 'Hybrid', 'On-site', 'Not specified'].map(parseRemote)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads durations', () => {
    expect(['45', '45 min', '1h', '1.5 hours', '1:30', '0', '2 days', '3000'].map(parseDurationMinutes)).toEqual([
      45,
      45,
      60,
      90,
      90,
      null,
      null,
      null,
    ]);
  });
});

describe('Rebound’s own cells', () => {
  it('reads the Contacts cell the applications export writes', () => {
    const cell =
      'Jane Roe (recruiter), jane@example.com, +44 20 7946 0000\nBob (hiring manager)\nAl (Acme) (other), (555) 010-0000';
    expect(parseContactsCell(cell)).toEqual([
      { name: 'Jane Roe', email: 'jane@example.com', phone: '+44 20 7946 0000', role: 'RECRUITER' },
      { name: 'Bob', email: null, phone: null, role: 'HIRING_MANAGER' },
      { name: 'Al (Acme)', email: null, phone: '(555) 010-0000', role: 'OTHER' },
    ]);
  });

  it('reads the stage history back: parse(format(x)) = x', () => {
    const history: ImportedStageStep[] = [
      { on: '2026-11-02', fromStageName: null, toStageName: 'Applied' },
      { on: '2026-11-09', fromStageName: 'Applied', toStageName: 'Phone screen' },
      { on: '2026-11-20', fromStageName: 'Phone screen', toStageName: 'Rejected' },
    ];
    expect(parseStageHistory(formatStageHistory(history))).toEqual(history);
    expect(parseStageHistory(formatStageHistory([]))).toEqual([]);
  });

  it('refuses a stage history it cannot read', () => {
    expect(parseStageHistory('applied last week')).toBeNull();
    expect(parseStageHistory('2026-11-02 Applied → Screening')).toBeNull();
  });
});

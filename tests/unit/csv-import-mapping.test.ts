import { DEFAULT_STAGES } from '@/lib/domain/application-stages';
import type { CsvTable, ImportField } from '@/lib/domain/csv-import';
import {
  collectStageValues,
  defaultOptions,
  detectDateOrder,
  normaliseHeader,
  suggestColumns,
  suggestStageMap,
} from '@/lib/domain/csv-import-mapping';
import { findPreset } from '@/lib/domain/csv-import-presets';

const stages = DEFAULT_STAGES.map((stage) => ({
  id: `stage-${stage.systemKey}`,
  name: stage.name,
  systemKey: stage.systemKey,
}));
const table = (headers: string[], rows: string[][]): CsvTable => ({ headers, rows, encoding: 'utf-8', delimiter: ',' });

describe('suggestColumns (no preset)', () => {
  it.each<[string, ImportField | null]>([
    ['Company Name', 'company'],
    ['Employer', 'company'],
    ['Organisation', 'company'],
    ['company_name', 'company'],
    ['Job Title', 'roleTitle'],
    ['Position', 'roleTitle'],
    ['JobTitle', 'roleTitle'],
    ['Status', 'stage'],
    ['Stage', 'stage'],
    ['Date Applied', 'appliedOn'],
    ['Applied', 'appliedOn'],
    ['appliedDate', 'appliedOn'],
    ['Interview date', 'interviewDate'],
    ['Time', 'interviewTime'],
    ['Timezone', 'timeZone'],
    ['Time zone', 'timeZone'],
    ['Location', 'location'],
    ['URL', 'postingUrl'],
    ['Link', 'postingUrl'],
    ['Job Url', 'postingUrl'],
    ['Contact', 'contactName'],
    ['Recruiter', 'contactName'],
    ['Email', 'contactEmail'],
    ['Phone', 'contactPhone'],
    ['Salary', 'salary'],
    ['Compensation', 'salary'],
    ['Source', 'source'],
    ['Notes', 'notes'],
    ['Comments', 'notes'],
    ['Zoom link', 'meetingUrl'],
    ['Date added', 'addedAt'],
    ['Favourite colour', null],
  ])('%s → %s', (header, field) => {
    expect(suggestColumns([header], null)).toEqual([field]);
  });

  it('matches by the words a header contains after every exact match', () => {
    expect(
      suggestColumns(['Hiring company', 'Role applied for', 'Recruiter e-mail', 'Expected salary (EUR)'], null),
    ).toEqual(['company', 'roleTitle', 'contactEmail', 'salary']);
  });

  it('gives each field to one column only, the exact match winning over a partial one', () => {
    expect(suggestColumns(['Company website', 'Company', 'Employer', 'Status'], null)).toEqual([
      null,
      'company',
      null,
      'stage',
    ]);
  });

  it('does not take the account owner’s own email or phone for a contact', () => {
    expect(suggestColumns(['creatorUserEmail', 'Applicant phone', 'Recruiter email'], null)).toEqual([
      null,
      null,
      'contactEmail',
    ]);
  });

  it('follows a preset for its own headers and keeps the ones it skips skipped', () => {
    const linkedin = findPreset('linkedin');
    expect(
      suggestColumns(['Application Date', 'Contact Email', 'Company Name', 'Job Title', 'Job Url', 'Notes'], linkedin),
    ).toEqual(['appliedOn', null, 'company', 'roleTitle', 'postingUrl', 'notes']);
  });

  it('normalises headers to lower-case words', () => {
    expect(normaliseHeader(' Job_Title (current) ')).toBe('job title current');
    expect(normaliseHeader('creatorUserEmail')).toBe('creator user email');
  });
});

describe('suggestStageMap', () => {
  it.each([
    ['Phone screen', 'SCREENING'],
    ['applied', 'APPLIED'],
    ['Application submitted', 'APPLIED'],
    ['rejected', 'REJECTED'],
    ['Declined', 'REJECTED'],
    ['Rejected after interview', 'REJECTED'],
    ['offer', 'OFFER'],
    ['Offer received', 'OFFER'],
    ['Offer declined', 'WITHDRAWN'],
    ['Offer accepted', 'ACCEPTED'],
    ['Interview', 'INTERVIEWING'],
    ['Interviewing', 'INTERVIEWING'],
    ['Phone interview', 'INTERVIEWING'],
    ['Onsite', 'INTERVIEWING'],
    ['Take-home assessment', 'SCREENING'],
    ['Wishlist', 'SAVED'],
    ['Not applied yet', 'SAVED'],
    ['No response', 'GHOSTED'],
    ['Withdrew', 'WITHDRAWN'],
  ])('%s → %s', (value, systemKey) => {
    expect(suggestStageMap([value], stages, null)).toEqual({ [value]: `stage-${systemKey}` });
  });

  it('leaves values it cannot place unmapped', () => {
    expect(suggestStageMap(['Expired', 'Archived', '???'], stages, null)).toEqual({
      Expired: null,
      Archived: null,
      '???': null,
    });
  });

  it('prefers the user’s own stage of that name, then the preset’s word', () => {
    const own = [...stages, { id: 'stage-own', name: 'Take-home', systemKey: null }];
    expect(suggestStageMap(['take home'], own, null)).toEqual({ 'take home': 'stage-own' });
    expect(suggestStageMap(['Draft'], stages, findPreset('jobsync'))).toEqual({ Draft: 'stage-SAVED' });
  });

  it('maps nothing to a default stage the user has deleted', () => {
    const withoutScreening = stages.filter((stage) => stage.systemKey !== 'SCREENING');
    expect(suggestStageMap(['Phone screen'], withoutScreening, null)).toEqual({ 'Phone screen': null });
  });
});

describe('collectStageValues', () => {
  it('counts each trimmed value of the stage column, most common first, ties in file order', () => {
    const file = table(
      ['Company', 'Status'],
      [
        ['A', 'Applied'],
        ['B', ' Rejected '],
        ['C', 'Rejected'],
        ['D', ''],
        ['E', 'Offer'],
      ],
    );
    expect(collectStageValues(file, ['company', 'stage'])).toEqual([
      { value: 'Rejected', count: 2 },
      { value: 'Applied', count: 1 },
      { value: 'Offer', count: 1 },
    ]);
    expect(collectStageValues(file, ['company', null])).toEqual([]);
  });

  it('reads the values as the rows carry them: spaces collapsed, "-" empty, a Rebound apostrophe off', () => {
    const file = table(
      ['Company', 'Status'],
      [
        ['A', 'Phone \n screen'],
        ['B', '-'],
        ['C', "'-Hold"],
      ],
    );
    expect(collectStageValues(file, ['company', 'stage'], findPreset('rebound-applications'))).toEqual([
      { value: 'Phone screen', count: 1 },
      { value: '-Hold', count: 1 },
    ]);
  });
});

describe('detectDateOrder', () => {
  const datesIn = (...dates: string[]) =>
    table(
      ['Company', 'Applied'],
      dates.map((date) => ['A', date]),
    );
  const columns: (ImportField | null)[] = ['company', 'appliedOn'];

  it('a first part over 12 proves day-first, a second part over 12 month-first', () => {
    expect(detectDateOrder(datesIn('3/4/2026', '25/4/2026'), columns)).toEqual({ order: 'DMY', ambiguous: false });
    expect(detectDateOrder(datesIn('3/4/2026', '4/25/2026'), columns)).toEqual({ order: 'MDY', ambiguous: false });
  });

  it('ISO dates alone are YMD; mixed with numeric ones they do not decide', () => {
    expect(detectDateOrder(datesIn('2026-04-03', '2026-12-25'), columns)).toEqual({ order: 'YMD', ambiguous: false });
    expect(detectDateOrder(datesIn('2026-04-03', '4/25/2026'), columns)).toEqual({ order: 'MDY', ambiguous: false });
  });

  it('all parts 12 or under is ambiguous: the preset’s order, else day-first', () => {
    expect(detectDateOrder(datesIn('3/4/2026', '1/2/2026'), columns)).toEqual({ order: 'DMY', ambiguous: true });
    expect(detectDateOrder(datesIn('3/4/25, 1:00 PM'), columns, findPreset('linkedin'))).toEqual({
      order: 'MDY',
      ambiguous: true,
    });
    // Without a preset passed, the one the headers name.
    const linkedin = table(findPreset('linkedin')?.headers ?? [], [
      ['3/4/25, 1:00 PM', '', '', 'Acme', 'Dev', '', '', ''],
    ]);
    expect(detectDateOrder(linkedin, ['appliedOn', null, null, 'company', 'roleTitle', null, null, null])).toEqual({
      order: 'MDY',
      ambiguous: true,
    });
    expect(
      detectDateOrder(linkedin, ['appliedOn', null, null, 'company', 'roleTitle', null, null, null], null),
    ).toEqual({ order: 'DMY', ambiguous: true });
  });

  it('proof both ways is ambiguous, leaning to the better-supported order', () => {
    expect(detectDateOrder(datesIn('25/4/2026', '26/4/2026', '4/27/2026'), columns)).toEqual({
      order: 'DMY',
      ambiguous: true,
    });
  });

  it('reads the added dates too', () => {
    const file = table(['Company', 'Added'], [['A', '25/12/2026 10:00']]);
    expect(detectDateOrder(file, ['company', 'addedAt'])).toEqual({ order: 'DMY', ambiguous: false });
  });

  it('month names say nothing about order', () => {
    expect(detectDateOrder(datesIn('7 Dec 2026'), columns)).toEqual({ order: 'DMY', ambiguous: false });
  });
});

describe('defaultOptions', () => {
  it('does not map a column named like a date that holds no dates', () => {
    const file = table(
      ['Company', 'Role', 'Applied', 'Created'],
      [
        ['Acme', 'Dev', 'Yes', '2026-11-02'],
        ['Beta', 'QA', 'No', '2026-11-03'],
      ],
    );
    expect(defaultOptions(file, stages, 'UTC').columns).toEqual(['company', 'roleTitle', null, 'addedAt']);
  });

  it('puts the preset, columns, stage map, date order and the user’s zone together', () => {
    const file = table(
      ['Company', 'Position', 'Status', 'Date Applied'],
      [
        ['Acme', 'Dev', 'Phone screen', '12/31/2026'],
        ['Beta', 'QA', 'Applied', '1/2/2026'],
      ],
    );
    expect(defaultOptions(file, stages, 'America/New_York')).toEqual({
      presetId: null,
      columns: ['company', 'roleTitle', 'stage', 'appliedOn'],
      stageMap: { 'Phone screen': 'stage-SCREENING', Applied: 'stage-APPLIED' },
      dateOrder: 'MDY',
      timeZone: 'America/New_York',
    });
  });
});

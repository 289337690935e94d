import { expandYear, parseImportDate, parseImportInstant, parseImportTime } from '@/lib/domain/csv-import-dates';

describe('parseImportDate', () => {
  it.each([
    ['2026-12-07', 'DMY', { date: '2026-12-07', time: null }],
    ['2026-12-07', 'MDY', { date: '2026-12-07', time: null }],
    ['2026/12/7', 'DMY', { date: '2026-12-07', time: null }],
    ['2022-02-26 19:17:05', 'YMD', { date: '2022-02-26', time: '19:17' }],
    ['2026-12-07T14:30:00.000Z', 'DMY', { date: '2026-12-07', time: '14:30' }],
    ['7/12/2026', 'DMY', { date: '2026-12-07', time: null }],
    ['7/12/2026', 'MDY', { date: '2026-07-12', time: null }],
    ['07.12.2026', 'DMY', { date: '2026-12-07', time: null }],
    ['7-12-2026', 'DMY', { date: '2026-12-07', time: null }],
    ['2/14/25, 12:09 AM', 'MDY', { date: '2025-02-14', time: '00:09' }],
    ['12/1/24, 3:28 PM', 'MDY', { date: '2024-12-01', time: '15:28' }],
    ['7/12/26 14:00', 'DMY', { date: '2026-12-07', time: '14:00' }],
    ['7 Dec 2026', 'MDY', { date: '2026-12-07', time: null }],
    ['7 December 2026', 'DMY', { date: '2026-12-07', time: null }],
    ['December 7, 2026', 'DMY', { date: '2026-12-07', time: null }],
    ['Dec. 7, 2026', 'DMY', { date: '2026-12-07', time: null }],
    ['Monday, December 7, 2026 at 2:30 pm', 'DMY', { date: '2026-12-07', time: '14:30' }],
    ['Mon, 7 Dec 2026 09:15', 'MDY', { date: '2026-12-07', time: '09:15' }],
    ['07-Dec-26', 'MDY', { date: '2026-12-07', time: null }],
    ['Sept 30th 2026', 'DMY', { date: '2026-09-30', time: null }],
  ] as const)('%s (%s)', (text, order, expected) => {
    expect(parseImportDate(text, order)).toEqual(expected);
  });

  it('pivots two-digit years at 70: 00–69 are 2000s, 70–99 are 1900s', () => {
    expect(expandYear('26')).toBe(2026);
    expect(expandYear('69')).toBe(2069);
    expect(expandYear('70')).toBe(1970);
    expect(expandYear('99')).toBe(1999);
    expect(parseImportDate('1/2/98', 'DMY')).toEqual({ date: '1998-02-01', time: null });
    expect(parseImportDate('1 Feb 05', 'DMY')).toEqual({ date: '2005-02-01', time: null });
  });

  it.each([
    ['31/02/2026', 'DMY'],
    ['2026-02-30', 'DMY'],
    ['29/02/2027', 'DMY'],
    ['12/25/2026', 'DMY'],
    ['25/12/2026', 'MDY'],
    ['13/13/2026', 'DMY'],
    ['0/1/2026', 'DMY'],
    ['31 Feb 2026', 'DMY'],
    ['Smarch 3, 2026', 'DMY'],
    ['soon', 'DMY'],
    ['2026-12-07 25:00', 'DMY'],
    ['7/12/2026 13:00 pm', 'DMY'],
    ['', 'DMY'],
  ] as const)('refuses %j (%s)', (text, order) => {
    expect(parseImportDate(text, order)).toBeNull();
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseImportDate('29/02/2028', 'DMY')).toEqual({ date: '2028-02-29', time: null });
    expect(parseImportDate('2/29/2027', 'MDY')).toBeNull();
  });
});

describe('parseImportTime', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['14:30:59', '14:30'],
    ['2:30 pm', '14:30'],
    ['2:30PM', '14:30'],
    ['12:09 AM', '00:09'],
    ['12:00 pm', '12:00'],
    ['3 p.m.', '15:00'],
    ['11am', '11:00'],
  ])('%s → %s', (text, expected) => {
    expect(parseImportTime(text)).toBe(expected);
  });

  it.each(['24:00', '12:60', '13:00 pm', '0 am', '14', 'noon', ''])('refuses %j', (text) => {
    expect(parseImportTime(text)).toBeNull();
  });
});

describe('parseImportInstant', () => {
  it('reads ISO instants with a zone or offset, and nothing else', () => {
    expect(parseImportInstant('2026-12-07T14:30:00.000Z')?.toISOString()).toBe('2026-12-07T14:30:00.000Z');
    expect(parseImportInstant('2026-12-07T15:30:00+01:00')?.toISOString()).toBe('2026-12-07T14:30:00.000Z');
    expect(parseImportInstant('2026-12-07 14:30:00')).toBeNull();
    expect(parseImportInstant('2026-12-07')).toBeNull();
  });
});

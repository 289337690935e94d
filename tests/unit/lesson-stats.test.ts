import {
  addMonths,
  COMPANIES_SHOWN,
  computeAxisMax,
  computeMedian,
  computeRate,
  dropLeadingEmptyMonths,
  fillMonths,
  foldCompanySides,
  formatDuration,
  formatMonthLabel,
  formatPercent,
  listMonthKeys,
  toMonthKey,
  type CompanySidesRow,
} from '@/lib/domain/lesson-stats';

describe('computeMedian', () => {
  it('is null for no values, not zero', () => {
    expect(computeMedian([])).toBeNull();
  });

  it('is the value itself for one value', () => {
    expect(computeMedian([42])).toBe(42);
  });

  it('is the middle value for an odd count, whatever the input order', () => {
    expect(computeMedian([9, 1, 5])).toBe(5);
    expect(computeMedian([30, 10, 20, 50, 40])).toBe(30);
  });

  it('is the mean of the two middle values for an even count (like percentile_cont(0.5))', () => {
    expect(computeMedian([1, 2])).toBe(1.5);
    expect(computeMedian([40, 10, 30, 20])).toBe(25);
    expect(computeMedian([5, 5, 5, 7])).toBe(5);
  });

  it('ignores values that are not numbers and does not reorder the input', () => {
    const values = [3, Number.NaN, 1, Number.POSITIVE_INFINITY, 2];
    expect(computeMedian(values)).toBe(2);
    expect(values[0]).toBe(3);
    expect(computeMedian([Number.NaN])).toBeNull();
  });

  it('handles fractions and zero', () => {
    expect(computeMedian([0, 0.5])).toBe(0.25);
  });
});

describe('computeRate', () => {
  it('divides', () => {
    expect(computeRate(2, 3)).toBeCloseTo(2 / 3);
    expect(computeRate(0, 4)).toBe(0);
    expect(computeRate(4, 4)).toBe(1);
  });

  it('is unknown (null) with nothing to divide by', () => {
    expect(computeRate(0, 0)).toBeNull();
    expect(computeRate(3, 0)).toBeNull();
    expect(computeRate(1, -2)).toBeNull();
    expect(computeRate(Number.NaN, 2)).toBeNull();
  });
});

describe('months', () => {
  it('buckets an instant by the user’s calendar, not UTC', () => {
    const lateOnJan31Utc = new Date('2026-01-31T23:30:00Z');
    expect(toMonthKey(lateOnJan31Utc, 'UTC')).toBe('2026-01');
    expect(toMonthKey(lateOnJan31Utc, 'Asia/Tokyo')).toBe('2026-02');
    expect(toMonthKey(new Date('2026-03-01T02:00:00Z'), 'America/Los_Angeles')).toBe('2026-02');
  });

  it('adds and subtracts months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -23)).toBe('2024-04');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('refuses a malformed month', () => {
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
    expect(() => addMonths('March', 1)).toThrow(RangeError);
  });

  it('lists the months of a range, both ends included', () => {
    expect(listMonthKeys('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(listMonthKeys('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(listMonthKeys('2026-03', '2026-02')).toEqual([]);
  });

  it('fills the months the database had no rows for with zeros, in order', () => {
    const rows = [
      { month: '2026-03', count: 2 },
      { month: '2026-01', count: 1 },
    ];
    expect(fillMonths(rows, '2025-12', '2026-03', (month) => ({ month, count: 0 }))).toEqual([
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 1 },
      { month: '2026-02', count: 0 },
      { month: '2026-03', count: 2 },
    ]);
    expect(fillMonths([], '2026-01', '2026-02', (month) => ({ month, count: 0 }))).toEqual([
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 0 },
    ]);
  });

  it('labels a month', () => {
    expect(formatMonthLabel('2026-03')).toBe('Mar 2026');
    expect(formatMonthLabel('2025-12')).toBe('Dec 2025');
  });
});

describe('formatting', () => {
  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(12.4)).toBe('12 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(125)).toBe('2 h 5 min');
    expect(formatDuration(24 * 60)).toBe('1 d');
    expect(formatDuration(3 * 24 * 60 + 4 * 60 + 10)).toBe('3 d 4 h');
  });

  it('formats rates as percentages, unknown as a dash', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(2 / 3)).toBe('67%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect(computeAxisMax(0)).toBe(1);
    expect(computeAxisMax(1)).toBe(1);
    expect(computeAxisMax(2)).toBe(2);
    expect(computeAxisMax(3)).toBe(5);
    expect(computeAxisMax(7)).toBe(10);
    expect(computeAxisMax(10)).toBe(10);
    expect(computeAxisMax(11)).toBe(20);
    expect(computeAxisMax(60)).toBe(100);
    expect(computeAxisMax(Number.NaN)).toBe(1);
  });
});

describe('dropLeadingEmptyMonths', () => {
  const row = (month: string, missed: number) => ({ month, missed });
  const isEmpty = (item: { missed: number }) => item.missed === 0;

  it('starts at the first month with an incident and keeps the quiet months after it', () => {
    const months = listMonthKeys('2026-01', '2026-12').map((month) =>
      row(month, ['2026-09', '2026-11'].includes(month) ? 1 : 0),
    );
    expect(dropLeadingEmptyMonths(months, isEmpty).map((item) => item.month)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });

  it('shows one month for one incident this month, and nothing when no month has any', () => {
    const months = listMonthKeys('2026-01', '2026-12').map((month) => row(month, month === '2026-12' ? 1 : 0));
    expect(dropLeadingEmptyMonths(months, isEmpty)).toEqual([row('2026-12', 1)]);
    expect(
      dropLeadingEmptyMonths(
        months.map((item) => ({ ...item, missed: 0 })),
        isEmpty,
      ),
    ).toEqual([]);
  });
});

describe('foldCompanySides', () => {
  const row = (company: string, counts: Partial<CompanySidesRow> = {}): CompanySidesRow => ({
    company,
    missed: 0,
    requestsAccepted: 0,
    requestsDeclined: 0,
    noShows: 0,
    reschedules: 0,
    ...counts,
  });

  it('puts each company on the sides where it has something to count, with that side’s numbers only', () => {
    const sides = foldCompanySides([
      row('Acme', { missed: 2, requestsAccepted: 1 }),
      row('Fabrikam', { noShows: 1, reschedules: 2 }),
      row('Globex', { missed: 1, reschedules: 1 }),
    ]);
    expect(sides.candidate).toEqual([
      { company: 'Acme', missed: 2, requestsAccepted: 1, requestsDeclined: 0 },
      { company: 'Globex', missed: 1, requestsAccepted: 0, requestsDeclined: 0 },
    ]);
    expect(sides.employer).toEqual([
      { company: 'Fabrikam', noShows: 1, reschedules: 2 },
      { company: 'Globex', noShows: 0, reschedules: 1 },
    ]);
  });

  it('orders each side by its own counts, then by name', () => {
    const sides = foldCompanySides([
      row('Beta', { missed: 1, requestsDeclined: 1, reschedules: 3 }),
      row('Alpha', { missed: 1, noShows: 1 }),
      row('Gamma', { missed: 3, noShows: 1, reschedules: 1 }),
      row('Delta', { requestsAccepted: 1, reschedules: 3 }),
    ]);
    expect(sides.candidate.map((entry) => entry.company)).toEqual(['Gamma', 'Beta', 'Alpha', 'Delta']);
    expect(sides.employer.map((entry) => entry.company)).toEqual(['Gamma', 'Alpha', 'Beta', 'Delta']);
  });

  it('keeps at most COMPANIES_SHOWN on each side', () => {
    const rows = Array.from({ length: COMPANIES_SHOWN + 5 }, (_, index) =>
      row(`Company ${String(index).padStart(2, '0')}`, { missed: index, noShows: 100 - index }),
    );
    const sides = foldCompanySides(rows);
    expect(sides.candidate).toHaveLength(COMPANIES_SHOWN);
    expect(sides.employer).toHaveLength(COMPANIES_SHOWN);
    expect(sides.candidate[0]?.company).toBe(`Company ${COMPANIES_SHOWN + 4}`);
    expect(sides.employer[0]?.company).toBe('Company 00');
  });

  it('answers two empty sides for no rows', () => {
    expect(foldCompanySides([])).toEqual({ candidate: [], employer: [] });
  });
});

import { findQuietPeriod, isClockTime, placeAroundQuietHours } from '@/lib/domain/reminders-quiet-hours';

const NY = 'America/New_York';
const at = (value: string) => new Date(value);
const quiet = { start: '22:00', end: '07:00' };

describe('findQuietPeriod', () => {
  it('finds a period that wraps midnight from either side of it', () => {
    const expected = { start: at('2026-12-03T03:00:00Z'), end: at('2026-12-03T12:00:00Z') };
    expect(findQuietPeriod(at('2026-12-03T03:30:00Z'), quiet, NY)).toEqual(expected); // 22:30 EST on the 2nd
    expect(findQuietPeriod(at('2026-12-03T10:00:00Z'), quiet, NY)).toEqual(expected); // 05:00 EST on the 3rd
  });

  it('includes the start minute and excludes the end minute', () => {
    expect(findQuietPeriod(at('2026-12-03T03:00:00Z'), quiet, NY)).not.toBeNull();
    expect(findQuietPeriod(at('2026-12-03T12:00:00Z'), quiet, NY)).toBeNull();
    expect(findQuietPeriod(at('2026-12-03T02:59:00Z'), quiet, NY)).toBeNull();
  });

  it('is eight real hours on the night New York’s clocks go forward and ten the night they go back (nine otherwise)', () => {
    const spring = findQuietPeriod(at('2026-03-08T08:00:00Z'), quiet, NY);
    expect(spring).toEqual({ start: at('2026-03-08T03:00:00Z'), end: at('2026-03-08T11:00:00Z') });
    const autumn = findQuietPeriod(at('2026-11-01T08:00:00Z'), quiet, NY);
    expect(autumn).toEqual({ start: at('2026-11-01T02:00:00Z'), end: at('2026-11-01T12:00:00Z') });
  });

  it('starts at the first minute that exists when its start falls in the spring-forward gap', () => {
    // 02:30 does not exist in New York on 8 March 2026; the period starts at 03:30 EDT.
    expect(findQuietPeriod(at('2026-03-08T07:40:00Z'), { start: '02:30', end: '06:00' }, NY)).toEqual({
      start: at('2026-03-08T07:30:00Z'),
      end: at('2026-03-08T10:00:00Z'),
    });
  });
  it('ignores malformed edges instead of throwing', () => {
    expect(findQuietPeriod(at('2026-12-03T10:00:00Z'), { start: '25:00', end: '07:00' }, NY)).toBeNull();
    expect(findQuietPeriod(at('2026-12-03T10:00:00Z'), { start: '22:00', end: '7' }, NY)).toBeNull();
  });
});

describe('placeAroundQuietHours', () => {
  const now = at('2026-12-01T12:00:00Z');

  it('keeps, moves after, moves before, or drops', () => {
    const dueAt = at('2026-12-03T10:00:00Z'); // 05:00 EST
    expect(
      placeAroundQuietHours({ dueAt, latestUsefulAt: at('2026-12-04T00:00:00Z'), now, quiet: null, timeZone: NY }),
    ).toEqual({ action: 'keep', at: dueAt });
    expect(
      placeAroundQuietHours({ dueAt, latestUsefulAt: at('2026-12-04T00:00:00Z'), now, quiet, timeZone: NY }),
    ).toEqual({ action: 'after', at: at('2026-12-03T12:00:00Z') });
    expect(
      placeAroundQuietHours({ dueAt, latestUsefulAt: at('2026-12-03T12:00:00Z'), now, quiet, timeZone: NY }),
    ).toEqual({ action: 'before', at: at('2026-12-03T02:59:00Z') });
    expect(
      placeAroundQuietHours({
        dueAt,
        latestUsefulAt: at('2026-12-03T12:00:00Z'),
        now: at('2026-12-03T04:00:00Z'),
        quiet,
        timeZone: NY,
      }),
    ).toEqual({ action: 'drop' });
  });
});

describe('isClockTime', () => {
  it('accepts 24-hour HH:mm only', () => {
    expect(['00:00', '07:05', '23:59'].every(isClockTime)).toBe(true);
    expect(['24:00', '7:00', '07:60', '', null].some(isClockTime)).toBe(false);
  });
});

import {
  FOLLOW_UP_BUSINESS_DAYS,
  addBusinessDays,
  getFollowUpDueAt,
  isBusinessDay,
  isFollowUpDue,
} from '@/lib/domain/business-days';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('addBusinessDays', () => {
  it('moves within the same week and keeps the clock time', () => {
    // Monday 9 March 2026, 10:00 in London (GMT) → Thursday.
    expect(iso(addBusinessDays(at('2026-03-09T10:00:00Z'), 3, 'Europe/London'))).toBe('2026-03-12T10:00:00.000Z');
  });

  it('skips the weekend: Friday + 1 is Monday, Wednesday + 3 is Monday', () => {
    expect(iso(addBusinessDays(at('2026-03-06T10:00:00Z'), 1, 'Europe/London'))).toBe('2026-03-09T10:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-03-04T10:00:00Z'), 3, 'Europe/London'))).toBe('2026-03-09T10:00:00.000Z');
  });

  it('counts from a weekend day as if from the Friday before: Saturday + 1 and Sunday + 1 are both Monday', () => {
    expect(iso(addBusinessDays(at('2026-03-07T10:00:00Z'), 1, 'UTC'))).toBe('2026-03-09T10:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-03-08T10:00:00Z'), 1, 'UTC'))).toBe('2026-03-09T10:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-03-08T10:00:00Z'), 3, 'UTC'))).toBe('2026-03-11T10:00:00.000Z');
  });

  it('crosses several weekends', () => {
    // Friday 2 January 2026 + 10 business days = Friday 16 January.
    expect(iso(addBusinessDays(at('2026-01-02T08:30:00Z'), 10, 'UTC'))).toBe('2026-01-16T08:30:00.000Z');
  });

  it('returns the same instant for zero and moves backwards for negative counts', () => {
    const monday = at('2026-03-09T10:00:00Z');
    expect(iso(addBusinessDays(monday, 0, 'UTC'))).toBe(iso(monday));
    expect(iso(addBusinessDays(monday, -1, 'UTC'))).toBe('2026-03-06T10:00:00.000Z');
    expect(iso(addBusinessDays(monday, -6, 'UTC'))).toBe('2026-02-27T10:00:00.000Z');
  });

  it('judges the weekend in the given zone, not in UTC', () => {
    // Friday 23:30 UTC is already Saturday 08:30 in Tokyo.
    const instant = at('2026-03-06T23:30:00Z');
    expect(iso(addBusinessDays(instant, 1, 'UTC'))).toBe('2026-03-09T23:30:00.000Z');
    expect(iso(addBusinessDays(instant, 1, 'Asia/Tokyo'))).toBe('2026-03-08T23:30:00.000Z'); // Monday 08:30 JST
    // Saturday 01:00 UTC is still Friday 20:00 in New York, so + 1 is Monday there.
    expect(iso(addBusinessDays(at('2026-03-07T01:00:00Z'), 1, 'America/New_York'))).toBe('2026-03-10T00:00:00.000Z');
  });

  it('keeps the local clock time across a spring-forward change', () => {
    // London: Friday 27 March 09:00 GMT → Monday 30 March 09:00 BST (08:00 UTC).
    expect(iso(addBusinessDays(at('2026-03-27T09:00:00Z'), 1, 'Europe/London'))).toBe('2026-03-30T08:00:00.000Z');
    // New York: Friday 6 March 14:00 EST → Wednesday 11 March 14:00 EDT.
    expect(iso(addBusinessDays(at('2026-03-06T19:00:00Z'), 3, 'America/New_York'))).toBe('2026-03-11T18:00:00.000Z');
  });

  it('keeps the local clock time across a fall-back change', () => {
    // London: Friday 23 October 10:00 BST (09:00 UTC) → Monday 26 October 10:00 GMT.
    expect(iso(addBusinessDays(at('2026-10-23T09:00:00Z'), 1, 'Europe/London'))).toBe('2026-10-26T10:00:00.000Z');
  });

  it('keeps seconds and milliseconds', () => {
    expect(iso(addBusinessDays(at('2026-03-09T10:15:42.123Z'), 1, 'Europe/Paris'))).toBe('2026-03-10T10:15:42.123Z');
  });

  it('refuses a fractional count, an invalid date and an unknown zone', () => {
    expect(() => addBusinessDays(at('2026-03-09T10:00:00Z'), 1.5, 'UTC')).toThrow(RangeError);
    expect(() => addBusinessDays(new Date('nope'), 1, 'UTC')).toThrow(/not a valid date/);
    expect(() => addBusinessDays(at('2026-03-09T10:00:00Z'), 1, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('isBusinessDay', () => {
  it('is false on Saturday and Sunday in the zone and true on weekdays', () => {
    expect(isBusinessDay(at('2026-03-07T12:00:00Z'), 'UTC')).toBe(false);
    expect(isBusinessDay(at('2026-03-08T12:00:00Z'), 'UTC')).toBe(false);
    expect(isBusinessDay(at('2026-03-09T12:00:00Z'), 'UTC')).toBe(true);
    // Sunday 20:00 UTC is Monday 05:00 in Tokyo.
    expect(isBusinessDay(at('2026-03-08T20:00:00Z'), 'Asia/Tokyo')).toBe(true);
  });
});

describe('isFollowUpDue', () => {
  const askedWednesday = at('2026-03-04T10:00:00Z');

  it('waits three business days', () => {
    expect(FOLLOW_UP_BUSINESS_DAYS).toBe(3);
    expect(iso(getFollowUpDueAt(askedWednesday, 'Europe/London'))).toBe('2026-03-09T10:00:00.000Z');
  });

  it('is not due over the weekend nor a minute before the time', () => {
    expect(isFollowUpDue(askedWednesday, at('2026-03-06T17:00:00Z'), 'Europe/London')).toBe(false);
    expect(isFollowUpDue(askedWednesday, at('2026-03-08T23:00:00Z'), 'Europe/London')).toBe(false);
    expect(isFollowUpDue(askedWednesday, at('2026-03-09T09:59:00Z'), 'Europe/London')).toBe(false);
  });

  it('is due from the moment the three business days are up, and stays due', () => {
    expect(isFollowUpDue(askedWednesday, at('2026-03-09T10:00:00Z'), 'Europe/London')).toBe(true);
    expect(isFollowUpDue(askedWednesday, at('2026-03-20T10:00:00Z'), 'Europe/London')).toBe(true);
  });

  it('depends on the zone: a Friday-evening request in New York counts from Friday there', () => {
    // Friday 6 March 19:00 EST = Saturday 00:00 UTC.
    const asked = at('2026-03-07T00:00:00Z');
    // In New York: Friday + 3 = Wednesday 11 March 19:00 EDT (23:00 UTC).
    expect(isFollowUpDue(asked, at('2026-03-11T22:59:00Z'), 'America/New_York')).toBe(false);
    expect(isFollowUpDue(asked, at('2026-03-11T23:00:00Z'), 'America/New_York')).toBe(true);
    // Read in UTC the request was on Saturday, so it would already be due at Wednesday 00:00 UTC.
    expect(isFollowUpDue(asked, at('2026-03-11T12:00:00Z'), 'UTC')).toBe(true);
    expect(isFollowUpDue(asked, at('2026-03-11T12:00:00Z'), 'America/New_York')).toBe(false);
  });

  it('refuses an invalid "now"', () => {
    expect(() => isFollowUpDue(askedWednesday, new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

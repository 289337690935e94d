import {
  describeTimeZone,
  formatInZone,
  formatWithZone,
  isValidTimeZone,
  utcToZonedLocal,
  zoneOffsetMinutes,
  zoneAbbreviation,
  zoneCity,
  zonedLocalToUtc,
} from '@/lib/domain/time';

const iso = (value: string) => new Date(value);

describe('isValidTimeZone', () => {
  it.each(['Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['', '   ', 'Mars/Olympus_Mons', 'Europe/Londn', 'GMT+25'])('rejects %p', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });

  it('rejects non-strings instead of falling back to the host zone', () => {
    expect(isValidTimeZone(undefined)).toBe(false);
    expect(isValidTimeZone(null)).toBe(false);
    expect(isValidTimeZone(0)).toBe(false);
  });
});

describe('zoneOffsetMinutes', () => {
  it.each([
    ['2026-01-15T12:00:00Z', 'Europe/London', 0],
    ['2026-07-15T12:00:00Z', 'Europe/London', 60],
    ['2026-01-15T12:00:00Z', 'America/New_York', -300],
    ['2026-07-15T12:00:00Z', 'America/New_York', -240],
    ['2026-07-15T12:00:00Z', 'Asia/Kolkata', 330],
    ['2026-07-15T12:00:00Z', 'Asia/Kathmandu', 345],
    ['2026-01-15T12:00:00Z', 'Australia/Sydney', 660],
    ['2026-07-15T12:00:00Z', 'Australia/Sydney', 600],
    ['2026-01-15T12:00:00Z', 'Australia/Lord_Howe', 660],
    ['2026-07-15T12:00:00Z', 'Australia/Lord_Howe', 630],
  ])('at %s in %s is %d', (instant, zone, expected) => {
    expect(zoneOffsetMinutes(iso(instant), zone)).toBe(expected);
  });

  it('changes exactly at the transition instant', () => {
    // London springs forward at 01:00 UTC on 29 March 2026.
    expect(zoneOffsetMinutes(iso('2026-03-29T00:59:59Z'), 'Europe/London')).toBe(0);
    expect(zoneOffsetMinutes(iso('2026-03-29T01:00:00Z'), 'Europe/London')).toBe(60);
  });

  it('ignores milliseconds in the instant', () => {
    expect(zoneOffsetMinutes(iso('2026-07-15T12:00:00.999Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('refuses an unknown zone and an invalid date', () => {
    expect(() => zoneOffsetMinutes(iso('2026-01-01T00:00:00Z'), 'Nowhere/Land')).toThrow(/not a known time zone/);
    expect(() => zoneOffsetMinutes(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('utcToZonedLocal', () => {
  it('renders the wall clock of the zone for a datetime-local input', () => {
    const instant = iso('2026-03-10T14:05:00Z');
    expect(utcToZonedLocal(instant, 'Europe/London')).toBe('2026-03-10T14:05');
    expect(utcToZonedLocal(instant, 'America/New_York')).toBe('2026-03-10T10:05');
    expect(utcToZonedLocal(instant, 'Asia/Tokyo')).toBe('2026-03-10T23:05');
    expect(utcToZonedLocal(instant, 'Pacific/Kiritimati')).toBe('2026-03-11T04:05');
  });

  it('writes midnight as 00, not 24', () => {
    expect(utcToZonedLocal(iso('2026-06-01T04:00:00Z'), 'America/New_York')).toBe('2026-06-01T00:00');
  });

  it('drops seconds rather than rounding them up', () => {
    expect(utcToZonedLocal(iso('2026-06-01T12:34:59Z'), 'UTC')).toBe('2026-06-01T12:34');
  });
});

describe('zonedLocalToUtc', () => {
  it('converts an ordinary time with no adjustment', () => {
    expect(zonedLocalToUtc('2026-07-15T09:30', 'Europe/London')).toEqual({
      instant: iso('2026-07-15T08:30:00Z'),
      adjustment: 'none',
    });
    expect(zonedLocalToUtc('2026-01-15T09:30', 'America/New_York')).toEqual({
      instant: iso('2026-01-15T14:30:00Z'),
      adjustment: 'none',
    });
    expect(zonedLocalToUtc('2026-07-15T09:30', 'Asia/Kolkata').instant).toEqual(iso('2026-07-15T04:00:00Z'));
  });

  it('is correct right next to a transition, where a one-offset guess would fail', () => {
    expect(zonedLocalToUtc('2026-03-08T01:59', 'America/New_York')).toEqual({
      instant: iso('2026-03-08T06:59:00Z'),
      adjustment: 'none',
    });
    expect(zonedLocalToUtc('2026-03-08T03:00', 'America/New_York')).toEqual({
      instant: iso('2026-03-08T07:00:00Z'),
      adjustment: 'none',
    });
  });

  describe('in a spring-forward gap', () => {
    it.each([
      ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00Z', '2026-03-08T03:30'],
      ['2026-03-08T02:00', 'America/New_York', '2026-03-08T07:00:00Z', '2026-03-08T03:00'],
      ['2026-03-29T01:30', 'Europe/London', '2026-03-29T01:30:00Z', '2026-03-29T02:30'],
      ['2026-03-29T02:15', 'Europe/Berlin', '2026-03-29T01:15:00Z', '2026-03-29T03:15'],
      ['2026-10-04T02:30', 'Australia/Sydney', '2026-10-03T16:30:00Z', '2026-10-04T03:30'],
      // Lord Howe Island moves its clocks by 30 minutes, so the shift is 30 minutes too.
      ['2026-10-04T02:15', 'Australia/Lord_Howe', '2026-10-03T15:45:00Z', '2026-10-04T02:45'],
      // Samoa skipped 30 December 2011 entirely: a 24-hour gap.
      ['2011-12-30T12:00', 'Pacific/Apia', '2011-12-30T22:00:00Z', '2011-12-31T12:00'],
    ])('%s in %s is shifted forward by the gap', (local, zone, expectedInstant, expectedLocal) => {
      const result = zonedLocalToUtc(local, zone);
      expect(result.adjustment).toBe('gap-shifted-forward');
      expect(result.instant).toEqual(iso(expectedInstant));
      expect(utcToZonedLocal(result.instant, zone)).toBe(expectedLocal);
    });
  });

  describe('in a fall-back overlap', () => {
    it.each([
      ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'],
      ['2026-10-25T01:30', 'Europe/London', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'],
      ['2026-04-05T02:30', 'Australia/Sydney', '2026-04-04T15:30:00Z', '2026-04-04T16:30:00Z'],
      ['2026-04-05T01:45', 'Australia/Lord_Howe', '2026-04-04T14:45:00Z', '2026-04-04T15:15:00Z'],
    ])('%s in %s picks the earlier of the two instants', (local, zone, earlier, later) => {
      const result = zonedLocalToUtc(local, zone);
      expect(result).toEqual({ instant: iso(earlier), adjustment: 'ambiguous-earlier' });
      // Both readings really do show the same wall clock, so the choice was genuine.
      expect(utcToZonedLocal(iso(later), zone)).toBe(local);
      expect(utcToZonedLocal(result.instant, zone)).toBe(local);
    });
  });

  it('round-trips every quarter hour around each 2026 transition in several zones', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    // The change days for these zones in 2026 (Kathmandu has none and is the control).
    const changeDays = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01'];
    const surprises: string[] = [];
    for (const zone of zones) {
      for (const day of changeDays) {
        const from = Date.parse(`${day}T00:00:00Z`) - 2 * 86_400_000;
        for (let t = from; t < from + 4 * 86_400_000; t += 15 * 60_000) {
          const local = utcToZonedLocal(new Date(t), zone);
          const { instant, adjustment } = zonedLocalToUtc(local, zone);
          // A wall time read off a real instant exists, so it is never in a gap; in an overlap the
          // earlier reading may differ from t, but never be later.
          const isExpected =
            adjustment === 'none'
              ? instant.getTime() === t
              : adjustment === 'ambiguous-earlier' && instant.getTime() <= t;
          if (!isExpected) surprises.push(`${zone} ${local} → ${instant.toISOString()} (${adjustment})`);
        }
      }
    }
    expect(surprises).toEqual([]);
  });

  it.each([
    '2026-02-30T10:00',
    '2026-13-01T10:00',
    '2026-01-01T24:00',
    '2026-01-01T10:60',
    '2026-1-1T10:00',
    '2026-01-01 10:00',
    '2026-01-01T10:00:00',
    '',
  ])('rejects the malformed or impossible value %p', (value) => {
    expect(() => zonedLocalToUtc(value, 'UTC')).toThrow(RangeError);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(zonedLocalToUtc('2028-02-29T12:00', 'UTC').instant).toEqual(iso('2028-02-29T12:00:00Z'));
    expect(() => zonedLocalToUtc('2026-02-29T12:00', 'UTC')).toThrow(/not a real date/);
  });

  it('refuses an unknown zone', () => {
    expect(() => zonedLocalToUtc('2026-01-01T10:00', 'Europe/Atlantis')).toThrow(
      '"Europe/Atlantis" is not a known time zone.',
    );
  });
});

describe('formatInZone', () => {
  const summerNoon = iso('2026-07-15T11:00:00Z');

  it('shows the wall clock and zone abbreviation of the interview by default', () => {
    expect(formatInZone(summerNoon, 'Europe/London')).toBe('Wed, 15 Jul 2026, 12:00 BST');
    expect(formatInZone(iso('2026-01-15T11:00:00Z'), 'Europe/London')).toBe('Thu, 15 Jan 2026, 11:00 GMT');
  });

  it('moves the calendar date when the zone is on another day', () => {
    expect(formatInZone(iso('2026-07-15T23:30:00Z'), 'Asia/Tokyo')).toMatch(/^Thu, 16 Jul 2026, 08:30/);
  });

  it('uses only the fields asked for when options are given', () => {
    expect(formatInZone(summerNoon, 'America/New_York', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).toBe(
      '07:00',
    );
    expect(formatInZone(summerNoon, 'Asia/Kolkata', { timeStyle: 'short', hourCycle: 'h23' })).toBe('16:30');
  });

  it('honours another locale', () => {
    expect(
      formatInZone(summerNoon, 'America/New_York', { locale: 'en-US', timeZoneName: 'short', hour: 'numeric' }),
    ).toMatch(/7\sAM EDT/);
  });

  it('refuses an unknown zone with a clear message', () => {
    expect(() => formatInZone(summerNoon, 'Moon/Tranquility')).toThrow('"Moon/Tranquility" is not a known time zone.');
  });
});

describe('describeTimeZone', () => {
  const winter = iso('2026-01-15T12:00:00Z');
  const summer = iso('2026-07-15T12:00:00Z');

  it('names the zone by the offset in force at each instant, however the calls alternate', () => {
    const names = [winter, summer, winter, summer].flatMap((instant) => [
      describeTimeZone(instant, 'America/New_York'),
      describeTimeZone(instant, 'Europe/London'),
    ]);
    expect(names).toEqual([
      'New York time, EST',
      'London time, GMT',
      'New York time, EDT',
      'London time, BST',
      'New York time, EST',
      'London time, GMT',
      'New York time, EDT',
      'London time, BST',
    ]);
  });

  it.each([
    ['America/New_York', 'New York time, EST', 'New York time, EDT'],
    ['America/Los_Angeles', 'Los Angeles time, PST', 'Los Angeles time, PDT'],
    ['Europe/London', 'London time, GMT', 'London time, BST'],
    ['Europe/Paris', 'Paris time, CET', 'Paris time, CEST'],
    ['America/Phoenix', 'Phoenix time, MST', 'Phoenix time, MST'],
  ])('names %s by its city and the abbreviation people read, in winter and in summer', (zone, inWinter, inSummer) => {
    expect(describeTimeZone(winter, zone)).toBe(inWinter);
    expect(describeTimeZone(summer, zone)).toBe(inSummer);
  });

  it.each([
    ['Asia/Kolkata', summer, 'Kolkata time, UTC+5:30'],
    ['Asia/Kathmandu', summer, 'Kathmandu time, UTC+5:45'],
    ['Asia/Tokyo', winter, 'Tokyo time, UTC+9'],
    ['America/Sao_Paulo', winter, 'Sao Paulo time, UTC-3'],
    ['America/Argentina/Buenos_Aires', summer, 'Buenos Aires time, UTC-3'],
    ['Australia/Lord_Howe', summer, 'Lord Howe time, UTC+10:30'],
    ['Australia/Sydney', winter, 'Sydney time, UTC+11'],
  ])('falls back to the offset for %s, which has no common abbreviation', (zone, instant, expected) => {
    expect(describeTimeZone(instant, zone)).toBe(expected);
  });

  it('never shows the GMT-offset form Intl gives for zones without an abbreviation', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      expect(describeTimeZone(winter, zone)).not.toMatch(/GMT[+-]/);
    }
  });

  it('switches abbreviation at the moment the clocks change', () => {
    // New York springs forward at 07:00Z on 8 March 2026 and falls back at 06:00Z on 1 November.
    expect(zoneAbbreviation(iso('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('EST');
    expect(zoneAbbreviation(iso('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation(iso('2026-11-01T05:59:00Z'), 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation(iso('2026-11-01T06:00:00Z'), 'America/New_York')).toBe('EST');
    // London: 01:00Z on 29 March and on 25 October.
    expect(zoneAbbreviation(iso('2026-03-29T00:59:00Z'), 'Europe/London')).toBe('GMT');
    expect(zoneAbbreviation(iso('2026-03-29T01:00:00Z'), 'Europe/London')).toBe('BST');
    expect(zoneAbbreviation(iso('2026-10-25T01:00:00Z'), 'Europe/London')).toBe('GMT');
  });

  it('names zones that are no place by their offset alone', () => {
    expect(describeTimeZone(winter, 'UTC')).toBe('UTC');
    expect(describeTimeZone(winter, 'Etc/UTC')).toBe('UTC');
    expect(describeTimeZone(winter, 'Etc/GMT+5')).toBe('UTC-5');
    expect(zoneCity('Etc/GMT-14')).toBeNull();
    expect(zoneCity('America/Indiana/Indianapolis')).toBe('Indianapolis');
  });

  it('refuses an unknown zone', () => {
    expect(() => describeTimeZone(winter, 'Mars/Olympus_Mons')).toThrow(
      '"Mars/Olympus_Mons" is not a known time zone.',
    );
  });
});

describe('formatWithZone', () => {
  it('shows the wall clock with the zone as people read it', () => {
    expect(formatWithZone(iso('2026-12-03T14:00:00Z'), 'America/New_York')).toBe(
      'Thu, 3 Dec 2026, 09:00 (New York time, EST)',
    );
    expect(
      formatWithZone(iso('2026-07-15T11:00:00Z'), 'Asia/Kolkata', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
    ).toBe('16:30 (Kolkata time, UTC+5:30)');
  });
});

import { utcToZonedLocal, zonedLocalToUtc } from '@/lib/domain/time';
import {
  CHECK_IN_GRACE_MINUTES,
  DEFAULT_EARLY_ARRIVAL_MINUTES,
  checkInDueAt,
  computeLeaveBy,
  needsAnswer,
  planLeaveBy,
} from '@/lib/domain/travel';

const iso = (value: string) => new Date(value);
const atLocal = (local: string, zone: string) => {
  const { instant, adjustment } = zonedLocalToUtc(local, zone);
  if (adjustment !== 'none') throw new Error(`test fixture ${local} ${zone} is not an ordinary time`);
  return instant;
};

describe('computeLeaveBy', () => {
  const start = iso('2026-05-12T14:00:00Z');

  it('subtracts early arrival, buffer and travel from the start', () => {
    expect(computeLeaveBy({ start, travelMinutes: 45, bufferMinutes: 10, earlyArrivalMinutes: 5 })).toEqual(
      iso('2026-05-12T13:00:00Z'),
    );
  });

  it('defaults to arriving 15 minutes early', () => {
    expect(DEFAULT_EARLY_ARRIVAL_MINUTES).toBe(15);
    expect(computeLeaveBy({ start, travelMinutes: 30, bufferMinutes: 15 })).toEqual(iso('2026-05-12T13:00:00Z'));
  });

  it('treats a missing buffer as none', () => {
    expect(computeLeaveBy({ start, travelMinutes: 30, bufferMinutes: null })).toEqual(iso('2026-05-12T13:15:00Z'));
    expect(computeLeaveBy({ start, travelMinutes: 30 })).toEqual(iso('2026-05-12T13:15:00Z'));
  });

  it('allows zero early arrival and zero travel', () => {
    expect(computeLeaveBy({ start, travelMinutes: 0, bufferMinutes: 0, earlyArrivalMinutes: 0 })).toEqual(start);
  });

  it('returns null when travel time is not set', () => {
    expect(computeLeaveBy({ start, travelMinutes: null, bufferMinutes: 20 })).toBeNull();
    expect(computeLeaveBy({ start, travelMinutes: undefined })).toBeNull();
  });

  it('does not mutate the start date', () => {
    const original = new Date(start);
    computeLeaveBy({ start: original, travelMinutes: 60, bufferMinutes: 10 });
    expect(original).toEqual(start);
  });

  it.each([
    [{ travelMinutes: -5 }, /Travel time must be a non-negative number of minutes \(got -5\)/],
    [{ travelMinutes: 10, bufferMinutes: -1 }, /Buffer must be/],
    [{ travelMinutes: 10, earlyArrivalMinutes: Number.NaN }, /Early arrival must be/],
    [{ travelMinutes: Number.POSITIVE_INFINITY }, /Travel time must be/],
  ])('refuses nonsense minutes %p', (input, message) => {
    expect(() => computeLeaveBy({ start, ...input })).toThrow(message);
  });

  it('refuses an invalid start', () => {
    expect(() => computeLeaveBy({ start: new Date('nope'), travelMinutes: 10 })).toThrow(/not a valid date/);
  });

  describe('across the spring-forward night (instant arithmetic, shown in the interview zone)', () => {
    // Each leave-by falls before the clocks change and the interview after it, so naive wall-clock
    // subtraction would be an hour off.
    it.each([
      // 09:00 EDT minus 7 h 30 min of real time is 00:30 EST; the hour 02:00–03:00 never happened.
      ['America/New_York', '2026-03-08T09:00', 420, 15, 15, '2026-03-08T00:30'],
      // 09:00 BST minus 7 h 30 min is 00:30 GMT, not the non-existent 01:30.
      ['Europe/London', '2026-03-29T09:00', 420, 30, 0, '2026-03-29T00:30'],
      ['Europe/Berlin', '2026-03-29T08:00', 360, 10, 20, '2026-03-29T00:30'],
      // Sydney springs forward on 4 October 2026.
      ['Australia/Sydney', '2026-10-04T08:00', 400, 5, 15, '2026-10-04T00:00'],
      // Lord Howe only moves 30 minutes, so the error a naive sum would make is 30 minutes.
      ['Australia/Lord_Howe', '2026-10-04T06:00', 240, 0, 0, '2026-10-04T01:30'],
    ])(
      '%s: interview %s, travel %d, buffer %d, early %d → leave at %s',
      (zone, local, travel, buffer, early, expected) => {
        const leaveBy = computeLeaveBy({
          start: atLocal(local, zone),
          travelMinutes: travel,
          bufferMinutes: buffer,
          earlyArrivalMinutes: early,
        });
        expect(leaveBy).not.toBeNull();
        expect(utcToZonedLocal(leaveBy as Date, zone)).toBe(expected);
        // And the real time between leaving and the start is exactly what was asked for.
        expect(atLocal(local, zone).getTime() - (leaveBy as Date).getTime()).toBe((travel + buffer + early) * 60_000);
      },
    );

    it('shows New York leave-by an hour earlier on the clock than on an ordinary day', () => {
      const input = { travelMinutes: 420, bufferMinutes: 15 };
      const ordinary = computeLeaveBy({ start: atLocal('2026-03-01T09:00', 'America/New_York'), ...input });
      const changeNight = computeLeaveBy({ start: atLocal('2026-03-08T09:00', 'America/New_York'), ...input });
      expect(utcToZonedLocal(ordinary as Date, 'America/New_York')).toBe('2026-03-01T01:30');
      expect(utcToZonedLocal(changeNight as Date, 'America/New_York')).toBe('2026-03-08T00:30');
    });
  });

  it('across the fall-back night in Sydney, leaves at the first 02:00 (AEDT)', () => {
    const start = atLocal('2026-04-05T09:00', 'Australia/Sydney'); // AEST, after the change
    const leaveBy = computeLeaveBy({ start, travelMinutes: 480, bufferMinutes: 0, earlyArrivalMinutes: 0 }) as Date;
    expect(leaveBy).toEqual(iso('2026-04-04T15:00:00Z'));
    expect(utcToZonedLocal(leaveBy, 'Australia/Sydney')).toBe('2026-04-05T02:00');
  });
});

describe('checkInDueAt', () => {
  it('is the planned end plus two hours', () => {
    expect(CHECK_IN_GRACE_MINUTES).toBe(120);
    expect(checkInDueAt(iso('2026-05-12T14:00:00Z'), 45)).toEqual(iso('2026-05-12T16:45:00Z'));
    expect(checkInDueAt(iso('2026-05-12T23:30:00Z'), 60)).toEqual(iso('2026-05-13T02:30:00Z'));
  });

  it('counts real hours across the fall-back night (the clock shows 1 h less than the sum)', () => {
    // 01:00 EDT + 60 min + 2 h is 08:00 UTC, which New York calls 03:00 EST, not 04:00.
    const start = iso('2026-11-01T05:00:00Z');
    expect(utcToZonedLocal(start, 'America/New_York')).toBe('2026-11-01T01:00');
    expect(utcToZonedLocal(checkInDueAt(start, 60), 'America/New_York')).toBe('2026-11-01T03:00');
  });

  it('counts real hours across the spring-forward night in London (the clock shows 1 h more)', () => {
    const start = atLocal('2026-03-29T00:00', 'Europe/London');
    expect(utcToZonedLocal(checkInDueAt(start, 30), 'Europe/London')).toBe('2026-03-29T03:30');
  });

  it('refuses a negative duration', () => {
    expect(() => checkInDueAt(iso('2026-05-12T14:00:00Z'), -10)).toThrow(/Duration must be/);
  });
});

describe('needsAnswer', () => {
  const interview = { status: 'SCHEDULED' as const, scheduledStart: iso('2026-05-12T14:00:00Z'), durationMinutes: 60 };

  it('is false until the check-in moment and true from it on', () => {
    expect(needsAnswer(interview, iso('2026-05-12T16:59:59.999Z'))).toBe(false);
    expect(needsAnswer(interview, iso('2026-05-12T17:00:00Z'))).toBe(true);
    expect(needsAnswer(interview, iso('2026-06-01T00:00:00Z'))).toBe(true);
  });

  it('is false before and during the interview', () => {
    expect(needsAnswer(interview, iso('2026-05-12T13:00:00Z'))).toBe(false);
    expect(needsAnswer(interview, iso('2026-05-12T14:30:00Z'))).toBe(false);
  });

  it.each(['COMPLETED', 'MISSED', 'RESCHEDULED', 'CANCELLED', 'WITHDRAWN'] as const)(
    'is false for a %s interview, which already has an answer',
    (status) => {
      expect(needsAnswer({ ...interview, status }, iso('2026-06-01T00:00:00Z'))).toBe(false);
    },
  );
});

describe('planLeaveBy', () => {
  const start = iso('2026-12-03T14:00:00Z');

  it('takes the lesson’s extra minutes off the leave-by time as well, and says what went into it', () => {
    // 14:00 − 15 early − 20 buffer − 30 from the lesson − 40 travel = 12:15.
    expect(planLeaveBy({ start, travelMinutes: 40, bufferMinutes: 20, lessonExtraMinutes: 30 })).toEqual({
      leaveBy: iso('2026-12-03T12:15:00Z'),
      travelMinutes: 40,
      bufferMinutes: 20,
      lessonExtraMinutes: 30,
      earlyArrivalMinutes: DEFAULT_EARLY_ARRIVAL_MINUTES,
    });
  });

  it('without a lesson is the plain leave-by time', () => {
    const plan = planLeaveBy({ start, travelMinutes: 40, bufferMinutes: null });
    expect(plan?.leaveBy).toEqual(computeLeaveBy({ start, travelMinutes: 40, bufferMinutes: 0 }));
    expect(plan?.lessonExtraMinutes).toBe(0);
    expect(plan?.bufferMinutes).toBe(0);
  });

  it('has no plan while the travel time is unknown, lesson or not', () => {
    expect(planLeaveBy({ start, travelMinutes: null, bufferMinutes: 20, lessonExtraMinutes: 30 })).toBeNull();
  });

  it('refuses negative extra minutes', () => {
    expect(() => planLeaveBy({ start, travelMinutes: 40, lessonExtraMinutes: -5 })).toThrow(RangeError);
  });
});

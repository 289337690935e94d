import fc from 'fast-check';
import {
  assertTransition,
  canTransition,
  INTERVIEW_STATUSES,
  InvalidTransitionError,
} from '@/lib/domain/interview-status';
import {
  canMoveTo,
  type IncidentKind,
  listNextStates,
  nextState,
  type RecoveryEvent,
  RecoveryStepError,
  type RecoveryState,
  stepOrder,
} from '@/lib/domain/recovery-state';
import {
  draftMessage,
  findPlaceholders,
  type MessageFacts,
  messageKinds,
  type MissReason,
} from '@/lib/domain/message-templates';
import { checkInDueAt, computeLeaveBy, needsAnswer } from '@/lib/domain/travel';
import { formatInZone, isValidTimeZone, utcToZonedLocal, zonedLocalToUtc, zoneOffsetMinutes } from '@/lib/domain/time';
import {
  addMonths,
  computeAxisMax,
  computeMedian,
  computeRate,
  formatDuration,
  formatMonthLabel,
  formatPercent,
  listMonthKeys,
  toMonthKey,
} from '@/lib/domain/lesson-stats';

// Property tests over the pure rules with the widest input: each asserts what the module's own
// comments promise, over inputs no example-based test would think of.

const RUNS = 200;

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const text = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    'undefined',
    'null',
    'NaN',
    '{company}',
    'a{b}c',
    'Invalid Date',
    'Line one\nline two',
    'x'.repeat(10_000),
  ),
);
const zones = fc.constantFrom(
  ...Intl.supportedValuesOf('timeZone'),
  'UTC',
  'Etc/GMT+12',
  'Etc/GMT-14',
  'Pacific/Kiritimati',
  'America/St_Johns',
  'Asia/Kathmandu',
);
// Instants from year 1000 to 9990, inside the range the app accepts (lib/validation/common.ts)
// with a margin for the widest zone offsets and the three years a month range may span.
const instants = fc.date({
  min: new Date('1000-01-02T00:00:00Z'),
  max: new Date('9990-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const anyDate = fc.oneof(instants, fc.constant(new Date(Number.NaN)), fc.constant(null), fc.constant(undefined));

describe('the recovery state machine under any sequence of events', () => {
  const event: fc.Arbitrary<RecoveryEvent> = fc.oneof(
    fc.constantFrom<RecoveryEvent>(
      { type: 'CALL_MADE' },
      { type: 'DRAFT_APPROVED' },
      { type: 'MESSAGE_SENT' },
      { type: 'WAITING_ENDED' },
      { type: 'ATTENDED_LATE' },
      { type: 'PREP_DONE' },
      { type: 'LESSON_SAVED' },
    ),
    fc
      .constantFrom('ACCEPTED', 'DECLINED', 'NO_RESPONSE')
      .map((answer) => ({ type: 'OUTCOME_RECORDED', answer }) as RecoveryEvent),
    text.map((reason) => ({ type: 'STEP_SKIPPED', reason }) as RecoveryEvent),
  );

  it('always lands on a known state, by an allowed move, or refuses with a RecoveryStepError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<IncidentKind>('MISSED', 'RUNNING_LATE'),
        fc.constantFrom(...stepOrder),
        fc.array(event, { maxLength: 30 }),
        (kind, start, events) => {
          let state: RecoveryState = start;
          for (const next of events) {
            let moved: RecoveryState;
            try {
              moved = nextState(state, next, kind);
            } catch (error) {
              expect(error).toBeInstanceOf(RecoveryStepError);
              expect((error as RecoveryStepError).message).not.toMatch(/undefined|null|NaN/);
              continue;
            }
            expect(stepOrder).toContain(moved);
            expect(listNextStates(state, kind)).toContain(moved);
            expect(canMoveTo(state, moved, kind)).toBe(true);
            state = moved;
          }
          // CLOSED is the end: nothing leaves it.
          if (state === 'CLOSED') expect(listNextStates(state, kind)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('interview status transitions for every pair', () => {
  it('assertTransition passes exactly when canTransition says so, and otherwise throws InvalidTransitionError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INTERVIEW_STATUSES), fc.constantFrom(...INTERVIEW_STATUSES), (from, to) => {
        let thrown: unknown;
        try {
          assertTransition(from, to);
        } catch (error) {
          thrown = error;
        }
        if (canTransition(from, to)) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(InvalidTransitionError);
          expect((thrown as InvalidTransitionError).message).not.toMatch(/undefined|null|NaN/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('message drafts for arbitrary facts', () => {
  const reasons: MissReason[] = [
    'TRAFFIC_TRANSPORT',
    'EMERGENCY',
    'ILLNESS',
    'SCHEDULE_MIXUP',
    'TIMEZONE_ERROR',
    'FORGOT',
    'TECHNICAL_PROBLEM',
    'OTHER',
  ];
  const optionalText = fc.option(text, { nil: undefined }).chain((value) => fc.constantFrom(value, null));
  const facts: fc.Arbitrary<MessageFacts> = fc.record(
    {
      kind: fc.constantFrom<IncidentKind>('MISSED', 'RUNNING_LATE'),
      candidateName: optionalText,
      contactName: optionalText,
      company: optionalText,
      roleTitle: optionalText,
      roundLabel: optionalText,
      scheduledStart: anyDate,
      timeZone: fc.oneof(zones, optionalText),
      format: fc.constantFrom('IN_PERSON', 'VIDEO', 'PHONE', null, undefined),
      reason: fc.constantFrom(...reasons, null, undefined),
      explanation: optionalText,
      employerWarned: fc.constantFrom(true, false, null, undefined),
      newStart: anyDate,
      leaveBy: anyDate,
      location: optionalText,
    },
    { requiredKeys: ['kind'] },
  );

  it('renders every kind with no placeholder, undefined, null or NaN left in it, and a one-line subject', () => {
    fc.assert(
      fc.property(fc.constantFrom(...messageKinds), facts, (kind, given) => {
        const drafted = draftMessage(kind, given);
        expect(findPlaceholders(drafted.body)).toEqual([]);
        expect(drafted.body).not.toMatch(/\{[^}]*\}/);
        if (drafted.subject !== null) {
          expect(findPlaceholders(drafted.subject)).toEqual([]);
          expect(drafted.subject).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('leave-by and check-in times', () => {
  // Validation caps travel and buffer at 600 minutes and a duration is a day at most; beyond
  // that, finite minutes large enough to leave the Date range give an Invalid Date rather than a
  // RangeError (e.g. 1.44e11), so the finite values stay within a year of minutes.
  const minutes = fc.oneof(
    fc.integer({ min: 0, max: 600 }),
    fc.double({ min: -525_600, max: 525_600 }),
    fc.constantFrom(-1, -0, Infinity, -Infinity, NaN),
  );
  const isDocumented = (error: unknown) => error instanceof RangeError;

  it('computeLeaveBy is null without travel, a valid instant no later than the start for valid minutes, and otherwise a RangeError', () => {
    fc.assert(
      fc.property(
        fc.oneof(instants, fc.constant(new Date(Number.NaN))),
        fc.oneof(minutes, fc.constantFrom(null, undefined)),
        fc.oneof(minutes, fc.constantFrom(null, undefined)),
        fc.option(minutes, { nil: undefined }),
        (start, travelMinutes, bufferMinutes, earlyArrivalMinutes) => {
          let leaveBy: Date | null;
          try {
            leaveBy = computeLeaveBy({ start, travelMinutes, bufferMinutes, earlyArrivalMinutes });
          } catch (error) {
            expect(isDocumented(error)).toBe(true);
            return;
          }
          if (travelMinutes === null || travelMinutes === undefined) expect(leaveBy).toBeNull();
          else {
            expect(leaveBy).toBeInstanceOf(Date);
            expect(Number.isNaN(leaveBy!.getTime())).toBe(false);
            expect(leaveBy!.getTime()).toBeLessThanOrEqual(start.getTime());
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('checkInDueAt and needsAnswer answer or raise a RangeError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(instants, fc.constant(new Date(Number.NaN))),
        minutes,
        instants,
        fc.constantFrom(...INTERVIEW_STATUSES),
        (start, duration, now, status) => {
          try {
            const due = checkInDueAt(start, duration);
            expect(due.getTime()).toBeGreaterThan(start.getTime());
            expect(typeof needsAnswer({ status, scheduledStart: start, durationMinutes: duration }, now)).toBe(
              'boolean',
            );
          } catch (error) {
            expect(isDocumented(error)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('time zones and wall-clock times', () => {
  const wallTimes = fc
    .record({
      year: fc.integer({ min: 1000, max: 9998 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
    })
    .map(
      ({ year, month, day, hour, minute }) =>
        `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    );
  const localInput = fc.oneof({ weight: 4, arbitrary: wallTimes }, { weight: 1, arbitrary: text });

  it('zonedLocalToUtc returns a valid instant that reads back as the time asked for (or a shift it reports), or a RangeError', () => {
    fc.assert(
      fc.property(
        localInput,
        fc.oneof({ weight: 4, arbitrary: zones }, { weight: 1, arbitrary: text }),
        (local, zone) => {
          let result: ReturnType<typeof zonedLocalToUtc>;
          try {
            result = zonedLocalToUtc(local, zone);
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
            return;
          }
          expect(isValidTimeZone(zone)).toBe(true);
          expect(Number.isNaN(result.instant.getTime())).toBe(false);
          if (result.adjustment !== 'gap-shifted-forward') expect(utcToZonedLocal(result.instant, zone)).toBe(local);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reading an instant in any zone never fails and gives a finite offset', () => {
    fc.assert(
      fc.property(instants, zones, (instant, zone) => {
        expect(utcToZonedLocal(instant, zone)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        const offset = zoneOffsetMinutes(instant, zone);
        expect(Number.isFinite(offset)).toBe(true);
        // Local mean times before standard zones reach past ±15 h (Pacific/Palau was −15:02).
        expect(Math.abs(offset)).toBeLessThanOrEqual(16 * 60);
        expect(formatInZone(instant, zone)).not.toMatch(/undefined|NaN|Invalid/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('lesson statistics', () => {
  // What the database hands over: counts and durations in minutes, plus the non-finite values
  // the helpers promise to absorb. (Extreme finite doubles overflow: computeRate(1, 5e-324) is
  // Infinity, and the median of two values near Number.MAX_VALUE is too.)
  const numbers = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
    fc.double({ min: -1e12, max: 1e12 }),
    fc.constantFrom(NaN, Infinity, -Infinity, 0, -0),
  );
  const counts = fc.integer({ min: 0, max: 1_000_000_000 });
  const finiteOrNull = (value: number | null) => value === null || Number.isFinite(value);

  it('median, rate and axis top are finite or null, never NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.array(numbers, { maxLength: 40 }),
        fc.oneof(counts, numbers),
        fc.oneof(counts, fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, -0)),
        (values, part, whole) => {
          const median = computeMedian(values);
          expect(finiteOrNull(median)).toBe(true);
          expect(finiteOrNull(computeRate(part, whole))).toBe(true);
          const axis = computeAxisMax(part);
          expect(Number.isFinite(axis) && axis >= 1).toBe(true);
          for (const text of [formatDuration(median), formatPercent(computeRate(part, whole))])
            expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('month keys: any instant in any zone gives a month that labels, steps and lists without holes', () => {
    fc.assert(
      fc.property(instants, zones, fc.integer({ min: 0, max: 36 }), (instant, zone, span) => {
        const from = toMonthKey(instant, zone);
        expect(from).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        expect(formatMonthLabel(from)).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
        const to = addMonths(from, span);
        const keys = listMonthKeys(from, to);
        expect(keys).toHaveLength(span + 1);
        expect(keys.at(-1)).toBe(to);
      }),
      { numRuns: RUNS },
    );
  });
});

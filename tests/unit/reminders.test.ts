import {
  DEFAULT_REMINDER_CHANNELS,
  computeEveningBeforeAt,
  planInterviewReminders,
  planRecoveryReminders,
  type PlannedReminder,
  type ReminderInterview,
  type ReminderKind,
  type ReminderLesson,
  type ReminderPlan,
  type ReminderPreferences,
} from '@/lib/domain/reminders';
import { zonedLocalToUtc } from '@/lib/domain/time';

const NY = 'America/New_York';
const LONDON = 'Europe/London';

const at = (value: string) => new Date(value);
const atLocal = (local: string, zone: string) => {
  const { instant, adjustment } = zonedLocalToUtc(local, zone);
  if (adjustment !== 'none') throw new Error(`test fixture ${local} ${zone} is not an ordinary time`);
  return instant;
};

function interview(overrides: Partial<ReminderInterview> = {}): ReminderInterview {
  return {
    id: 'int_1',
    scheduledStart: atLocal('2026-12-03T10:00', NY),
    durationMinutes: 60,
    timeZone: NY,
    format: 'VIDEO',
    status: 'SCHEDULED',
    travelMinutes: null,
    bufferMinutes: null,
    ...overrides,
  };
}

function lesson(overrides: Partial<ReminderLesson> = {}): ReminderLesson {
  return {
    id: 'lesson_1',
    rootCause: 'OTHER',
    actions: [{ text: 'Check the invitation twice', retiredAt: null }],
    createdAt: at('2025-12-01T12:00:00Z'),
    reviewedAt: null,
    reviewCount: 0,
    ...overrides,
  };
}

function plan(
  options: {
    interview?: Partial<ReminderInterview>;
    userTimeZone?: string;
    preferences?: ReminderPreferences;
    lessons?: ReminderLesson[];
    now?: Date;
  } = {},
): ReminderPlan {
  return planInterviewReminders({
    interview: interview(options.interview),
    userTimeZone: options.userTimeZone ?? NY,
    preferences: options.preferences ?? {},
    lessons: options.lessons ?? [],
    now: options.now ?? at('2026-01-05T12:00:00Z'),
  });
}

function find(result: ReminderPlan, kind: ReminderKind): PlannedReminder {
  const reminder = result.reminders.find((candidate) => candidate.kind === kind);
  if (!reminder) throw new Error(`no ${kind} reminder in ${JSON.stringify(result.skipped)}`);
  return reminder;
}

const kinds = (result: ReminderPlan) => result.reminders.map((reminder) => reminder.kind);

describe('the evening before', () => {
  it('is 18:00 on the day before, in the user’s zone', () => {
    const reminder = find(plan(), 'EVENING_BEFORE');
    expect(reminder.dueAt).toEqual(atLocal('2026-12-02T18:00', NY));
    expect(reminder.dueAt.toISOString()).toBe('2026-12-02T23:00:00.000Z');
    expect(reminder.adjustment).toBe('none');
  });

  it('follows the user’s zone, not the interview’s, and the user’s chosen time', () => {
    // 10:00 in New York is 15:00 in London, the same date: the evening before is London's.
    expect(find(plan({ userTimeZone: LONDON }), 'EVENING_BEFORE').dueAt.toISOString()).toBe('2026-12-02T18:00:00.000Z');
    const chosen = plan({ userTimeZone: LONDON, preferences: { eveningBeforeTime: '19:30' } });
    expect(find(chosen, 'EVENING_BEFORE').dueAt.toISOString()).toBe('2026-12-02T19:30:00.000Z');
  });

  it('falls back to 18:00 for a malformed preferred time', () => {
    expect(computeEveningBeforeAt(atLocal('2026-12-03T10:00', NY), NY, '25:00')).toEqual(
      atLocal('2026-12-02T18:00', NY),
    );
  });

  it('takes the date from the user’s calendar when the interview crosses midnight there', () => {
    // 19:30 in New York on 2 December is 00:30 on 3 December in London.
    const start = atLocal('2026-12-02T19:30', NY);
    const reminder = find(plan({ interview: { scheduledStart: start }, userTimeZone: LONDON }), 'EVENING_BEFORE');
    expect(reminder.dueAt.toISOString()).toBe('2026-12-02T18:00:00.000Z');
    // Sent late, it is useful until three hours before the start (21:30 in London), which comes
    // before London's midnight.
    expect(reminder.latestUsefulAt.toISOString()).toBe('2026-12-02T21:30:00.000Z');
  });

  it('handles an interview just after midnight in the user’s own zone', () => {
    const start = atLocal('2026-12-03T00:30', NY);
    const reminder = find(plan({ interview: { scheduledStart: start } }), 'EVENING_BEFORE');
    expect(reminder.dueAt).toEqual(atLocal('2026-12-02T18:00', NY));
    expect(reminder.latestUsefulAt).toEqual(atLocal('2026-12-02T21:30', NY));
  });

  it('is not sent late within three hours of the start: the leave-by reminder carries it', () => {
    // Added at 23:55 for a video call at 00:15: a “tomorrow” email a minute before “starts at”
    // would be noise.
    const start = atLocal('2026-12-03T00:15', NY);
    const result = plan({ interview: { scheduledStart: start }, now: atLocal('2026-12-02T23:55', NY) });
    expect(kinds(result)).not.toContain('EVENING_BEFORE');
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'EVENING_BEFORE', reason: 'passed' }));
    expect(find(result, 'LEAVE_BY').dueAt).toEqual(atLocal('2026-12-02T23:55', NY));
  });

  it('still goes out at the user’s own evening time when that is closer to the start than three hours', () => {
    const start = atLocal('2026-12-03T00:30', NY);
    const result = plan({
      interview: { scheduledStart: start },
      now: atLocal('2026-12-02T22:00', NY),
      preferences: { eveningBeforeTime: '22:00' },
    });
    const reminder = find(result, 'EVENING_BEFORE');
    expect(reminder.dueAt).toEqual(atLocal('2026-12-02T22:00', NY));
    expect(reminder.adjustment).toBe('none');
    expect(reminder.latestUsefulAt).toEqual(atLocal('2026-12-02T22:15', NY));
  });

  it('keeps 18:00 local on the day the clocks go forward in New York (8 March 2026)', () => {
    const start = atLocal('2026-03-09T09:00', NY);
    expect(find(plan({ interview: { scheduledStart: start } }), 'EVENING_BEFORE').dueAt.toISOString()).toBe(
      '2026-03-08T22:00:00.000Z',
    );
  });

  it('keeps 18:00 local on the day the clocks go forward in London (29 March 2026)', () => {
    const start = atLocal('2026-03-30T09:00', LONDON);
    const reminder = find(
      plan({ interview: { scheduledStart: start, timeZone: LONDON }, userTimeZone: LONDON }),
      'EVENING_BEFORE',
    );
    expect(reminder.dueAt.toISOString()).toBe('2026-03-29T17:00:00.000Z');
  });

  it('keeps 18:00 local on the days the clocks go back (London 25 October, New York 1 November)', () => {
    const london = find(
      plan({
        interview: { scheduledStart: atLocal('2026-10-26T09:00', LONDON), timeZone: LONDON },
        userTimeZone: LONDON,
      }),
      'EVENING_BEFORE',
    );
    expect(london.dueAt.toISOString()).toBe('2026-10-25T18:00:00.000Z');
    const newYork = find(plan({ interview: { scheduledStart: atLocal('2026-11-02T09:00', NY) } }), 'EVENING_BEFORE');
    expect(newYork.dueAt.toISOString()).toBe('2026-11-01T23:00:00.000Z');
  });

  it('uses the user’s zone in the weeks when New York and London are four hours apart', () => {
    // 16 March 2026: New York is on EDT, London still on GMT.
    const start = atLocal('2026-03-16T09:00', NY); // 13:00 UTC, 13:00 in London
    const reminder = find(plan({ interview: { scheduledStart: start }, userTimeZone: LONDON }), 'EVENING_BEFORE');
    expect(reminder.dueAt.toISOString()).toBe('2026-03-15T18:00:00.000Z');
  });

  it('is sent at once when its moment passed but the evening is not over', () => {
    const now = atLocal('2026-12-02T21:15', NY);
    const reminder = find(plan({ now }), 'EVENING_BEFORE');
    expect(reminder.dueAt).toEqual(now);
    expect(reminder.plannedAt).toEqual(atLocal('2026-12-02T18:00', NY));
    expect(reminder.adjustment).toBe('late');
  });

  it('is skipped on the day of the interview', () => {
    const result = plan({ now: atLocal('2026-12-03T06:00', NY) });
    expect(kinds(result)).not.toContain('EVENING_BEFORE');
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'EVENING_BEFORE', reason: 'passed' }));
  });
});

describe('leave-by', () => {
  const start = atLocal('2026-12-03T10:00', NY);

  it('comes 15 minutes before the time to leave for an in-person interview', () => {
    const result = plan({ interview: { format: 'IN_PERSON', travelMinutes: 45, bufferMinutes: 10 } });
    const reminder = find(result, 'LEAVE_BY');
    // 10:00 − 15 early − 10 buffer − 45 travel = 08:50 leave-by; the reminder is at 08:35.
    expect(reminder.leaveBy).toEqual(atLocal('2026-12-03T08:50', NY));
    expect(reminder.dueAt).toEqual(atLocal('2026-12-03T08:35', NY));
    expect(reminder.latestUsefulAt).toEqual(start);
  });

  it('includes a traffic lesson’s extra minutes', () => {
    const lessons = [lesson({ rootCause: 'TRAFFIC_TRANSPORT' })];
    const reminder = find(
      plan({ interview: { format: 'IN_PERSON', travelMinutes: 45, bufferMinutes: 10 }, lessons }),
      'LEAVE_BY',
    );
    expect(reminder.leaveBy).toEqual(atLocal('2026-12-03T08:20', NY));
    expect(reminder.dueAt).toEqual(atLocal('2026-12-03T08:05', NY));
  });

  it('falls back to two hours before the start when no travel time is known', () => {
    const reminder = find(plan({ interview: { format: 'IN_PERSON' } }), 'LEAVE_BY');
    expect(reminder.leaveBy).toBeNull();
    expect(reminder.dueAt).toEqual(atLocal('2026-12-03T08:00', NY));
  });

  it.each(['VIDEO', 'PHONE'] as const)('comes 30 minutes before the start for a %s interview', (format) => {
    const reminder = find(plan({ interview: { format, travelMinutes: 45 } }), 'LEAVE_BY');
    expect(reminder.dueAt).toEqual(atLocal('2026-12-03T09:30', NY));
    expect(reminder.leaveBy).toBeNull();
  });

  it('is measured in real minutes across the night the clocks go back', () => {
    // 1 November 2026, 03:00 EST: 120 real minutes earlier is 01:00 EST, the second 01:00 of the night.
    const early = atLocal('2026-11-01T03:00', NY);
    const reminder = find(
      plan({ interview: { scheduledStart: early, format: 'IN_PERSON', travelMinutes: 75, bufferMinutes: 15 } }),
      'LEAVE_BY',
    );
    expect(reminder.dueAt.toISOString()).toBe('2026-11-01T06:00:00.000Z');
    expect(early.getTime() - reminder.dueAt.getTime()).toBe(120 * 60_000);
  });

  it('is sent late while the interview has not started, and never after the start', () => {
    const late = plan({ now: atLocal('2026-12-03T09:45', NY) });
    expect(find(late, 'LEAVE_BY')).toMatchObject({ adjustment: 'late', dueAt: atLocal('2026-12-03T09:45', NY) });
    const afterStart = plan({ now: atLocal('2026-12-03T10:00', NY) });
    expect(kinds(afterStart)).not.toContain('LEAVE_BY');
    expect(afterStart.skipped).toContainEqual(expect.objectContaining({ kind: 'LEAVE_BY', reason: 'passed' }));
  });

  it('still comes before the start with no travel and no buffer', () => {
    const reminder = find(plan({ interview: { format: 'IN_PERSON', travelMinutes: 0, bufferMinutes: 0 } }), 'LEAVE_BY');
    expect(reminder.dueAt.getTime()).toBeLessThan(start.getTime());
  });
});

describe('check-in', () => {
  it('comes two hours after the planned end', () => {
    const reminder = find(plan({ interview: { durationMinutes: 45 } }), 'CHECK_IN');
    expect(reminder.dueAt).toEqual(atLocal('2026-12-03T12:45', NY));
  });

  it('counts real hours over the night London’s clocks go forward', () => {
    // 23:30 GMT on 28 March + 60 min + 2 h = 02:30 GMT = 03:30 BST.
    const start = atLocal('2026-03-28T23:30', LONDON);
    const reminder = find(
      plan({
        interview: { scheduledStart: start, timeZone: LONDON },
        userTimeZone: LONDON,
        now: at('2026-03-01T00:00:00Z'),
      }),
      'CHECK_IN',
    );
    expect(reminder.dueAt.toISOString()).toBe('2026-03-29T02:30:00.000Z');
  });
});

describe('interview status, preferences and channels', () => {
  it.each(['COMPLETED', 'MISSED', 'RESCHEDULED', 'CANCELLED', 'WITHDRAWN'] as const)(
    'a %s interview gets no reminders',
    (status) => {
      const result = plan({ interview: { status } });
      expect(result.reminders).toEqual([]);
      expect(result.skipped.map((skip) => [skip.kind, skip.reason])).toEqual([
        ['EVENING_BEFORE', 'status'],
        ['LEAVE_BY', 'status'],
        ['CHECK_IN', 'status'],
      ]);
    },
  );

  it('sends nothing when everything is turned off', () => {
    const result = plan({ preferences: { allOff: true } });
    expect(result.reminders).toEqual([]);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['all-off', 'all-off', 'all-off']);
  });

  it('drops a kind whose channel list is empty and uses the chosen channels in a fixed order', () => {
    const result = plan({ preferences: { channels: { LEAVE_BY: [], EVENING_BEFORE: ['IN_APP', 'EMAIL'] } } });
    expect(kinds(result)).toEqual(['EVENING_BEFORE', 'CHECK_IN']);
    expect(find(result, 'EVENING_BEFORE').channels).toEqual(['EMAIL', 'IN_APP']);
    expect(find(result, 'CHECK_IN').channels).toEqual([...DEFAULT_REMINDER_CHANNELS.CHECK_IN]);
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'LEAVE_BY', reason: 'turned-off' }));
  });

  it('lists reminders in the order they go out', () => {
    const result = plan({
      interview: { format: 'IN_PERSON', travelMinutes: 30 },
      lessons: [lesson({ rootCause: 'FORGOT' })],
    });
    expect(kinds(result)).toEqual(['LESSON_REVIEW', 'EVENING_BEFORE', 'EXTRA', 'LEAVE_BY', 'CHECK_IN']);
    const times = result.reminders.map((reminder) => reminder.dueAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('lessons', () => {
  it('a “forgot” lesson adds one extra reminder two hours before the start', () => {
    const lessons = [lesson({ id: 'a', rootCause: 'FORGOT' }), lesson({ id: 'b', rootCause: 'FORGOT' })];
    const extras = plan({ lessons }).reminders.filter((reminder) => reminder.kind === 'EXTRA');
    expect(extras).toHaveLength(1);
    expect(extras[0]).toMatchObject({ dueAt: atLocal('2026-12-03T08:00', NY), lessonIds: ['a', 'b'] });
  });

  it('a lesson whose actions are all habits now adds nothing', () => {
    const retired = lesson({
      rootCause: 'FORGOT',
      actions: [{ text: 'Set two alarms', retiredAt: at('2026-11-01T00:00:00Z') }],
    });
    expect(kinds(plan({ lessons: [retired] }))).not.toContain('EXTRA');
  });

  it('calls back lessons a day before the interview, except ones read within that day', () => {
    const start = atLocal('2026-12-03T10:00', NY);
    const old = lesson({ id: 'old' });
    const fresh = lesson({ id: 'fresh', reviewedAt: new Date(start.getTime() - 3 * 3_600_000), reviewCount: 1 });
    const reminder = find(plan({ lessons: [old, fresh] }), 'LESSON_REVIEW');
    expect(reminder.dueAt).toEqual(atLocal('2026-12-02T10:00', NY));
    expect(reminder.lessonIds).toEqual(['old']);
    expect(reminder.latestUsefulAt).toEqual(start);
  });

  it('has no review reminder without lessons due', () => {
    expect(kinds(plan())).not.toContain('LESSON_REVIEW');
  });
});

describe('quiet hours', () => {
  const quietHours = { start: '22:00', end: '07:00' };

  it('moves a reminder to the end of the quiet period', () => {
    // A 23:00 interview: the check-in at 02:00 waits until 07:00.
    const start = atLocal('2026-12-03T23:00', NY);
    const reminder = find(plan({ interview: { scheduledStart: start }, preferences: { quietHours } }), 'CHECK_IN');
    expect(reminder.plannedAt).toEqual(atLocal('2026-12-04T02:00', NY));
    expect(reminder.dueAt).toEqual(atLocal('2026-12-04T07:00', NY));
    expect(reminder.adjustment).toBe('after-quiet-hours');
  });

  it('sends it before the quiet period when waiting would be too late', () => {
    // A 07:00 video call: 06:30 is quiet, and 07:00 is the start. It goes at 21:59 the evening before.
    const start = atLocal('2026-12-03T07:00', NY);
    const reminder = find(plan({ interview: { scheduledStart: start }, preferences: { quietHours } }), 'LEAVE_BY');
    expect(reminder.dueAt).toEqual(atLocal('2026-12-02T21:59', NY));
    expect(reminder.adjustment).toBe('before-quiet-hours');
  });

  it('drops it when both ways out have passed', () => {
    const start = atLocal('2026-12-03T07:00', NY);
    const result = plan({
      interview: { scheduledStart: start },
      preferences: { quietHours },
      now: atLocal('2026-12-02T23:00', NY),
    });
    expect(kinds(result)).not.toContain('LEAVE_BY');
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'LEAVE_BY', reason: 'quiet-hours' }));
  });

  it('leaves reminders outside the quiet period alone, including one due the minute it ends', () => {
    const reminder = find(plan({ preferences: { quietHours } }), 'EVENING_BEFORE');
    expect(reminder.adjustment).toBe('none');
    const atEnd = find(
      plan({
        interview: { scheduledStart: atLocal('2026-12-03T04:00', NY), durationMinutes: 60 },
        preferences: { quietHours },
      }),
      'CHECK_IN',
    );
    expect(atEnd).toMatchObject({ dueAt: atLocal('2026-12-03T07:00', NY), adjustment: 'none' });
  });

  it('ends at 07:00 local on the nights the clocks change in New York', () => {
    const spring = find(
      plan({
        interview: { scheduledStart: atLocal('2026-03-07T23:00', NY) },
        preferences: { quietHours },
        now: at('2026-03-01T00:00:00Z'),
      }),
      'CHECK_IN',
    );
    expect(spring.dueAt.toISOString()).toBe('2026-03-08T11:00:00.000Z'); // 07:00 EDT
    const autumn = find(
      plan({
        interview: { scheduledStart: atLocal('2026-10-31T23:00', NY) },
        preferences: { quietHours },
        now: at('2026-10-01T00:00:00Z'),
      }),
      'CHECK_IN',
    );
    expect(autumn.dueAt.toISOString()).toBe('2026-11-01T12:00:00.000Z'); // 07:00 EST
  });

  it('ends at 07:00 local on the night London’s clocks go back', () => {
    const start = atLocal('2026-10-24T23:00', LONDON);
    const reminder = find(
      plan({
        interview: { scheduledStart: start, timeZone: LONDON },
        userTimeZone: LONDON,
        preferences: { quietHours },
        now: at('2026-10-01T00:00:00Z'),
      }),
      'CHECK_IN',
    );
    expect(reminder.dueAt.toISOString()).toBe('2026-10-25T07:00:00.000Z'); // 07:00 GMT
  });

  it('is judged in the user’s zone: 06:30 in New York is 11:30 in London', () => {
    const start = atLocal('2026-12-03T07:00', NY);
    const reminder = find(
      plan({ interview: { scheduledStart: start }, userTimeZone: LONDON, preferences: { quietHours } }),
      'LEAVE_BY',
    );
    expect(reminder).toMatchObject({ dueAt: atLocal('2026-12-03T06:30', NY), adjustment: 'none' });
  });

  it('treats a daytime period that does not wrap midnight, and equal edges as none', () => {
    const lunch = { start: '12:00', end: '13:00' };
    const start = atLocal('2026-12-03T09:00', NY); // check-in at 12:00 exactly
    expect(
      find(plan({ interview: { scheduledStart: start }, preferences: { quietHours: lunch } }), 'CHECK_IN').dueAt,
    ).toEqual(atLocal('2026-12-03T13:00', NY));
    expect(
      find(
        plan({ interview: { scheduledStart: start }, preferences: { quietHours: { start: '12:00', end: '12:00' } } }),
        'CHECK_IN',
      ).adjustment,
    ).toBe('none');
  });
});

describe('zones that no longer exist', () => {
  it('fall back to UTC for the user and say so', () => {
    const result = plan({ userTimeZone: 'Mars/Olympus_Mons' });
    expect(result.zoneFallbacks).toEqual([{ field: 'userTimeZone', given: 'Mars/Olympus_Mons', used: 'UTC' }]);
    expect(find(result, 'EVENING_BEFORE').dueAt.toISOString()).toBe('2026-12-02T18:00:00.000Z');
  });

  it('fall back to UTC for the interview and say so', () => {
    const result = plan({ interview: { timeZone: 'America/Atlantis' } });
    expect(result.zoneFallbacks).toEqual([{ field: 'interviewTimeZone', given: 'America/Atlantis', used: 'UTC' }]);
    expect(find(result, 'CHECK_IN').dueAt).toEqual(atLocal('2026-12-03T13:00', NY));
  });

  it('fall back for the employer’s zone in the follow-up nudge', () => {
    const result = planRecoveryReminders({
      followUp: { id: 'inc', state: 'OUTCOME', askedAt: at('2026-12-02T10:00:00Z'), followUpsSent: 0, timeZone: '' },
      userTimeZone: 'Nowhere/Special',
      preferences: {},
      now: at('2026-12-02T11:00:00Z'),
    });
    expect(result.zoneFallbacks.map((fallback) => fallback.field)).toEqual(['userTimeZone', 'interviewTimeZone']);
    expect(result.reminders[0]?.dueAt.toISOString()).toBe('2026-12-07T10:00:00.000Z');
  });
});

describe('dedupe keys', () => {
  it('stay the same when only the clock, quiet hours or channels change', () => {
    const keys = (result: ReminderPlan) => result.reminders.map((reminder) => reminder.dedupeKey).sort();
    const first = plan({ lessons: [lesson({ rootCause: 'FORGOT' })] });
    const later = plan({
      lessons: [lesson({ rootCause: 'FORGOT' })],
      now: atLocal('2026-12-02T21:00', NY),
      preferences: { quietHours: { start: '01:00', end: '05:00' }, channels: { CHECK_IN: ['EMAIL'] } },
    });
    expect(keys(later)).toEqual(keys(first));
    expect(new Set(keys(first)).size).toBe(first.reminders.length);
  });

  it('change when the interview moves, so the new time gets its own reminders', () => {
    const before = find(plan(), 'EVENING_BEFORE').dedupeKey;
    const moved = find(
      plan({ interview: { scheduledStart: atLocal('2026-12-10T10:00', NY) } }),
      'EVENING_BEFORE',
    ).dedupeKey;
    expect(moved).not.toBe(before);
    expect(before).toBe('evening-before:int_1:2026-12-03T15:00:00.000Z');
  });
});

describe('recovery nudges', () => {
  const recovery = (overrides: Partial<Parameters<typeof planRecoveryReminders>[0]>) =>
    planRecoveryReminders({ userTimeZone: LONDON, preferences: {}, now: at('2026-03-20T12:00:00Z'), ...overrides });

  it('asks for a follow-up after three business days in the employer’s zone', () => {
    // Friday 17:00 in New York (21:00 in London): + 3 business days there is Wednesday 17:00 EDT.
    const askedAt = atLocal('2026-03-20T17:00', NY);
    const result = recovery({ followUp: { id: 'inc', state: 'OUTCOME', askedAt, followUpsSent: 0, timeZone: NY } });
    expect(result.reminders).toEqual([
      expect.objectContaining({ kind: 'FOLLOW_UP_DUE', incidentId: 'inc', dueAt: atLocal('2026-03-25T17:00', NY) }),
    ]);
    expect(result.reminders[0]?.dedupeKey).toBe(`follow-up:inc:${askedAt.toISOString()}`);
  });

  it('keeps the employer’s clock time when London changes its clocks in between', () => {
    // Friday 27 March 09:00 GMT + 3 business days = Wednesday 1 April 09:00 BST.
    const askedAt = atLocal('2026-03-27T09:00', LONDON);
    const result = recovery({ followUp: { id: 'inc', state: 'OUTCOME', askedAt, followUpsSent: 0, timeZone: LONDON } });
    expect(result.reminders[0]?.dueAt.toISOString()).toBe('2026-04-01T08:00:00.000Z');
  });

  it('does not nudge twice, nor outside the waiting step', () => {
    const askedAt = at('2026-03-16T10:00:00Z');
    expect(
      recovery({ followUp: { id: 'inc', state: 'OUTCOME', askedAt, followUpsSent: 1, timeZone: NY } }).reminders,
    ).toEqual([]);
    expect(
      recovery({ followUp: { id: 'inc', state: 'LESSON', askedAt, followUpsSent: 0, timeZone: NY } }).reminders,
    ).toEqual([]);
    expect(
      recovery({ followUp: { id: 'inc', state: 'OUTCOME', askedAt: null, followUpsSent: 0, timeZone: NY } }).skipped,
    ).toEqual([{ kind: 'FOLLOW_UP_DUE', dedupeKey: null, reason: 'nothing-due' }]);
  });

  it('reminds about an unsent thank-you a day after the answer', () => {
    const answeredAt = at('2026-03-19T15:00:00Z');
    const result = recovery({ thankYou: { id: 'inc', answeredAt, isSettled: false } });
    expect(result.reminders).toEqual([
      expect.objectContaining({ kind: 'THANK_YOU_UNSENT', dueAt: at('2026-03-20T15:00:00Z'), adjustment: 'none' }),
    ]);
    expect(recovery({ thankYou: { id: 'inc', answeredAt, isSettled: true } }).reminders).toEqual([]);
  });

  it('sends a nudge late within a week, and not after', () => {
    const answeredAt = at('2026-03-10T15:00:00Z');
    expect(
      recovery({ thankYou: { id: 'inc', answeredAt, isSettled: false }, now: at('2026-03-15T00:00:00Z') }).reminders[0]
        ?.adjustment,
    ).toBe('late');
    const stale = recovery({ thankYou: { id: 'inc', answeredAt, isSettled: false }, now: at('2026-03-20T00:00:00Z') });
    expect(stale.reminders).toEqual([]);
    expect(stale.skipped).toEqual([expect.objectContaining({ kind: 'THANK_YOU_UNSENT', reason: 'passed' })]);
  });

  it('moves a nudge out of the user’s quiet hours', () => {
    const answeredAt = at('2026-03-19T23:30:00Z');
    const result = recovery({
      thankYou: { id: 'inc', answeredAt, isSettled: false },
      preferences: { quietHours: { start: '22:00', end: '08:00' } },
    });
    expect(result.reminders[0]).toMatchObject({ dueAt: at('2026-03-21T08:00:00Z'), adjustment: 'after-quiet-hours' });
  });
});

import {
  canAddHourBefore,
  listInterviewReminders,
  type InterviewReminderRow,
} from '@/lib/domain/interview-reminder-list';
import { planInterviewReminders, reminderSlot, type ReminderInterview } from '@/lib/domain/reminders';
import { zonedLocalToUtc } from '@/lib/domain/time';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
// 10:00 in New York on a winter day, which is 00:00 the next day in Tokyo.
const START = zonedLocalToUtc('2026-12-03T10:00', NY).instant;
const NOW = new Date('2026-11-20T12:00:00Z');
const MINUTE = 60_000;

function interview(overrides: Partial<ReminderInterview> = {}): ReminderInterview {
  return {
    id: 'int_1',
    scheduledStart: START,
    durationMinutes: 60,
    timeZone: NY,
    format: 'VIDEO',
    status: 'SCHEDULED',
    travelMinutes: null,
    bufferMinutes: null,
    ...overrides,
  };
}

const plan = (choices: { silencedReminders?: string[]; hourBeforeReminder?: boolean }, userTimeZone = TOKYO) =>
  planInterviewReminders({
    interview: { ...interview(), ...choices },
    userTimeZone,
    preferences: {},
    lessons: [],
    now: NOW,
  });

describe('the interview page reminder choices in the plan', () => {
  it.each([NY, TOKYO])('adds the hour-before reminder at the start minus 60 minutes (user in %s)', (zone) => {
    const without = plan({}, zone);
    const withIt = plan({ hourBeforeReminder: true }, zone);
    expect(without.reminders.map((reminder) => reminderSlot(reminder.dedupeKey))).not.toContain('hour-before');
    const added = withIt.reminders.find((reminder) => reminderSlot(reminder.dedupeKey) === 'hour-before');
    expect(added).toMatchObject({
      kind: 'EXTRA',
      dedupeKey: `hour-before:int_1:${START.toISOString()}`,
      dueAt: new Date(START.getTime() - 60 * MINUTE),
      latestUsefulAt: START,
      channels: ['PUSH', 'IN_APP'],
    });
    // The rest of the plan is unchanged.
    expect(withIt.reminders.filter((reminder) => reminder !== added)).toEqual(without.reminders);
  });

  it('leaves a silenced slot out and records it as silenced, whatever the start', () => {
    for (const start of [START, new Date(START.getTime() + 3 * 24 * 60 * MINUTE)]) {
      const result = planInterviewReminders({
        interview: {
          ...interview({ scheduledStart: start }),
          silencedReminders: ['leave-by', 'hour-before'],
          hourBeforeReminder: true,
        },
        userTimeZone: TOKYO,
        preferences: {},
        lessons: [],
        now: NOW,
      });
      const slots = result.reminders.map((reminder) => reminderSlot(reminder.dedupeKey));
      expect(slots).not.toContain('leave-by');
      expect(slots).not.toContain('hour-before');
      expect(slots).toContain('evening-before');
      expect(result.skipped.filter((skip) => skip.reason === 'silenced').map((skip) => skip.dedupeKey)).toEqual([
        `leave-by:int_1:${start.toISOString()}`,
        `hour-before:int_1:${start.toISOString()}`,
      ]);
    }
  });

  it('names the slot of every interview key without the start', () => {
    expect(reminderSlot(`evening-before:int_1:${START.toISOString()}`)).toBe('evening-before');
    expect(reminderSlot('check-in:int_1:2026-12-03T15:00:00.000Z')).toBe('check-in');
  });
});

describe('canAddHourBefore', () => {
  it('offers it until exactly an hour before the start', () => {
    expect(canAddHourBefore(START, new Date(START.getTime() - 61 * MINUTE))).toBe(true);
    expect(canAddHourBefore(START, new Date(START.getTime() - 60 * MINUTE))).toBe(false);
    expect(canAddHourBefore(START, new Date(START.getTime() + MINUTE))).toBe(false);
  });
});

describe('listInterviewReminders', () => {
  const key = (slot: string, start = START) => `${slot}:int_1:${start.toISOString()}`;
  const row = (overrides: Partial<InterviewReminderRow>): InterviewReminderRow => ({
    id: 'r',
    kind: 'LEAVE_BY',
    dedupeKey: key('leave-by'),
    dueAt: new Date(START.getTime() - 30 * MINUTE),
    channels: ['PUSH', 'IN_APP'],
    state: 'SCHEDULED',
    sentAt: null,
    ...overrides,
  });

  it('lists the current time only, in sending order, silenced ones marked and other cancellations hidden', () => {
    const earlier = new Date(START.getTime() - 2 * 24 * 60 * MINUTE);
    const rows = [
      row({ id: 'leave', dedupeKey: key('leave-by') }),
      row({
        id: 'evening',
        kind: 'EVENING_BEFORE',
        dedupeKey: key('evening-before'),
        dueAt: new Date(START.getTime() - 20 * 60 * MINUTE),
        state: 'SENT',
        sentAt: new Date(START.getTime() - 20 * 60 * MINUTE),
        channels: ['EMAIL', 'SOMETHING_ELSE'],
      }),
      row({ id: 'old', dedupeKey: key('leave-by', earlier), state: 'SENT' }),
      row({ id: 'moved-away', dedupeKey: key('check-in'), state: 'CANCELLED', dueAt: START }),
      row({ id: 'silent', dedupeKey: key('hour-before'), kind: 'EXTRA', state: 'CANCELLED', dueAt: START }),
    ];
    const items = listInterviewReminders(
      { scheduledStart: START, silencedReminders: ['hour-before'], status: 'SCHEDULED' },
      rows,
      new Date(START.getTime() - 3 * 24 * 60 * MINUTE),
    );
    expect(items.map((item) => [item.id, item.label, item.status])).toEqual([
      ['evening', 'The evening before', 'sent'],
      ['leave', 'Time to get going', 'upcoming'],
      ['silent', 'An hour before', 'silenced'],
    ]);
    expect(items[0]!.channels).toEqual(['EMAIL']);
    expect(items.map((item) => item.canTurnBackOn)).toEqual([false, false, true]);
  });

  it('offers a silenced reminder back only while its moment is ahead and the interview is scheduled', () => {
    const silent = row({ id: 'silent', dedupeKey: key('leave-by'), state: 'CANCELLED' });
    const interview = { scheduledStart: START, silencedReminders: ['leave-by'], status: 'SCHEDULED' };
    const before = new Date(silent.dueAt.getTime() - MINUTE);
    expect(listInterviewReminders(interview, [silent], before)[0]!.canTurnBackOn).toBe(true);
    expect(listInterviewReminders(interview, [silent], silent.dueAt)[0]!.canTurnBackOn).toBe(false);
    expect(listInterviewReminders({ ...interview, status: 'CANCELLED' }, [silent], before)[0]!.canTurnBackOn).toBe(
      false,
    );
  });
});

// One calendar entry per meeting across its reschedules: which UID a slot writes, what a new
// slot takes over from the one it replaces, and which slot of a chain a calendar is sent.
import {
  buildCalendar,
  buildInterviewCalendar,
  calendarEntryUid,
  continueCalendarEntry,
  pickCalendarEntries,
  type CalendarInterview,
} from '@/lib/domain/calendar';
import { parseCalendar } from '@/tests/support/ical';

const NOW = new Date('2026-03-01T08:00:00Z');
const options = { appUrl: 'https://rebound.example.com', name: 'Rebound interviews', now: NOW };

function makeSlot(overrides: Partial<CalendarInterview> = {}): CalendarInterview {
  return {
    id: 'slot_1',
    company: 'Acme',
    roleTitle: 'Platform Engineer',
    scheduledStart: new Date('2026-03-10T14:00:00Z'),
    durationMinutes: 45,
    timeZone: 'Europe/London',
    format: 'VIDEO',
    meetingUrl: 'https://meet.example.com/abc',
    status: 'SCHEDULED',
    sequence: 0,
    ...overrides,
  };
}

// A meeting moved twice: the first two slots RESCHEDULED, the third the one that will happen.
const first = makeSlot({ id: 'slot_1', status: 'RESCHEDULED', sequence: 3 });
const second = makeSlot({
  id: 'slot_2',
  calendarUid: 'slot_1',
  status: 'RESCHEDULED',
  sequence: 5,
  scheduledStart: new Date('2026-03-12T10:00:00Z'),
});
const third = makeSlot({
  id: 'slot_3',
  calendarUid: 'slot_1',
  sequence: 6,
  scheduledStart: new Date('2026-03-09T09:00:00Z'),
});

describe('calendarEntryUid', () => {
  it("keeps an interview's own id as its UID until it replaces another", () => {
    expect(calendarEntryUid({ id: 'slot_1' })).toBe('slot_1@rebound');
    expect(calendarEntryUid({ id: 'slot_1', calendarUid: null })).toBe('slot_1@rebound');
  });

  it("gives every later slot of a chain the first slot's UID", () => {
    expect(calendarEntryUid(second)).toBe('slot_1@rebound');
    expect(calendarEntryUid(third)).toBe('slot_1@rebound');
  });
});

describe('continueCalendarEntry', () => {
  it("takes the first slot's id as the UID and a SEQUENCE one above the old slot's", () => {
    expect(continueCalendarEntry({ id: 'slot_1', calendarSequence: 4 }, { calendarSequence: 0 })).toEqual({
      calendarUid: 'slot_1',
      calendarSequence: 5,
    });
  });

  it('carries the UID on along a chain rather than pointing at the slot just replaced', () => {
    expect(
      continueCalendarEntry({ id: 'slot_2', calendarUid: 'slot_1', calendarSequence: 7 }, { calendarSequence: 0 }),
    ).toEqual({ calendarUid: 'slot_1', calendarSequence: 8 });
  });

  it("keeps the new slot's own SEQUENCE when it is higher already", () => {
    expect(continueCalendarEntry({ id: 'slot_1', calendarSequence: 2 }, { calendarSequence: 9 })).toEqual({
      calendarUid: 'slot_1',
      calendarSequence: 9,
    });
  });
});

describe('pickCalendarEntries', () => {
  it('keeps the newest slot of a chain, at its own place in the list, and every other interview', () => {
    const other = makeSlot({ id: 'other', sequence: 1 });
    const list = [third, first, other, second];
    expect(pickCalendarEntries(list).map((slot) => slot.id)).toEqual(['slot_3', 'other']);
  });

  it('gives the later of two slots with one UID and one SEQUENCE the entry', () => {
    const twin = makeSlot({ id: 'slot_4', calendarUid: 'slot_1', sequence: 6 });
    expect(pickCalendarEntries([third, twin]).map((slot) => slot.id)).toEqual(['slot_4']);
  });

  it('returns a list without chains as it is', () => {
    const list = [makeSlot({ id: 'a' }), makeSlot({ id: 'b' })];
    expect(pickCalendarEntries(list)).toBe(list);
  });
});

describe('a chain in a calendar', () => {
  it('is one VEVENT, the newest slot, under the first UID with the highest SEQUENCE', () => {
    const { events } = parseCalendar(buildCalendar([first, second, third], options));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      uid: 'slot_1@rebound',
      sequence: 6,
      status: 'CONFIRMED',
      start: third.scheduledStart,
    });
  });

  it("replaces, in a calendar that imported the old slot's file by hand, that event: same UID, higher SEQUENCE", () => {
    const [before] = parseCalendar(buildInterviewCalendar(makeSlot({ sequence: 2 }), options)).events;
    const [after] = parseCalendar(buildInterviewCalendar(third, options)).events;
    expect(after?.uid).toBe(before?.uid);
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? Infinity);
    expect(after?.start).toEqual(third.scheduledStart);
  });
});

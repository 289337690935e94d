// The calendar files as a real iCalendar parser (ical.js) reads them.
import {
  buildCalendar,
  buildInterviewCalendar,
  SECOND_CHANCE_TIP,
  type CalendarInterview,
} from '@/lib/domain/calendar';
import { offsetMinutesAt, parseCalendar, type ParsedEvent } from '@/tests/support/ical';

const NOW = new Date('2026-12-01T08:00:00Z');
const options = { appUrl: 'https://rebound.example.com', name: 'Rebound interviews', now: NOW };

function makeInterview(overrides: Partial<CalendarInterview> = {}): CalendarInterview {
  return {
    id: 'int_ny',
    company: 'Acme',
    roleTitle: 'Platform Engineer',
    roundLabel: 'Second round',
    // 10:00 in New York in winter (EST, UTC−5).
    scheduledStart: new Date('2027-01-15T15:00:00Z'),
    durationMinutes: 45,
    timeZone: 'America/New_York',
    format: 'VIDEO',
    meetingUrl: 'https://meet.example.com/abc',
    contactName: 'Jane Doe',
    status: 'SCHEDULED',
    sequence: 0,
    ...overrides,
  };
}

const only = (events: ParsedEvent[]) => {
  expect(events).toHaveLength(1);
  return events[0] as ParsedEvent;
};

describe('calendar files read by ical.js', () => {
  it('write the start in the interview’s zone, with a VTIMEZONE that resolves it to the right instant', () => {
    const winter = makeInterview();
    const summer = makeInterview({ id: 'int_ny_summer', scheduledStart: new Date('2027-07-15T14:00:00Z') }); // 10:00 EDT
    const calendar = parseCalendar(buildCalendar([winter, summer], options));

    const [inWinter, inSummer] = calendar.events as [ParsedEvent, ParsedEvent];
    expect(inWinter.startZone).toBe('America/New_York');
    expect(inWinter.startLocal).toBe('2027-01-15T10:00:00');
    expect(inWinter.start.toISOString()).toBe('2027-01-15T15:00:00.000Z');
    expect(inWinter.end.toISOString()).toBe('2027-01-15T15:45:00.000Z');
    expect(inSummer.startZone).toBe('America/New_York');
    expect(inSummer.startLocal).toBe('2027-07-15T10:00:00');
    expect(inSummer.start.toISOString()).toBe('2027-07-15T14:00:00.000Z');
  });

  it('carries one VTIMEZONE per zone in use, with New York’s winter and summer offsets', () => {
    const interviews = [
      makeInterview(),
      makeInterview({ id: 'b', scheduledStart: new Date('2027-07-15T14:00:00Z') }),
      makeInterview({ id: 'c', timeZone: 'Europe/London' }),
      makeInterview({ id: 'd', timeZone: 'Asia/Kolkata' }),
    ];
    const text = buildCalendar(interviews, options);
    const calendar = parseCalendar(text);

    expect([...calendar.timezones.keys()].sort()).toEqual(['America/New_York', 'Asia/Kolkata', 'Europe/London']);
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(3);
    const newYork = calendar.timezones.get('America/New_York')!;
    expect(offsetMinutesAt(newYork, { year: 2027, month: 1, day: 15, hour: 10 })).toBe(-300);
    expect(offsetMinutesAt(newYork, { year: 2027, month: 7, day: 15, hour: 10 })).toBe(-240);
    // Either side of the spring-forward night (14 March 2027, 02:00 → 03:00).
    expect(offsetMinutesAt(newYork, { year: 2027, month: 3, day: 14, hour: 1 })).toBe(-300);
    expect(offsetMinutesAt(newYork, { year: 2027, month: 3, day: 14, hour: 4 })).toBe(-240);
    const london = calendar.timezones.get('Europe/London')!;
    expect(offsetMinutesAt(london, { year: 2027, month: 1, day: 15, hour: 10 })).toBe(0);
    expect(offsetMinutesAt(london, { year: 2027, month: 7, day: 15, hour: 10 })).toBe(60);
    expect(offsetMinutesAt(calendar.timezones.get('Asia/Kolkata')!, { year: 2027, month: 7, day: 15, hour: 10 })).toBe(
      330,
    );
  });

  it('names a linked zone by the interview’s own name in both TZID and VTIMEZONE', () => {
    const calendar = parseCalendar(
      buildCalendar(
        [makeInterview({ timeZone: 'Asia/Calcutta', scheduledStart: new Date('2027-01-15T04:30:00Z') })],
        options,
      ),
    );
    const event = only(calendar.events);
    expect(event.startZone).toBe('Asia/Calcutta');
    expect(event.startLocal).toBe('2027-01-15T10:00:00');
    expect(event.start.toISOString()).toBe('2027-01-15T04:30:00.000Z');
  });

  it('writes a UTC interview as UTC time', () => {
    const event = only(parseCalendar(buildCalendar([makeInterview({ timeZone: 'UTC' })], options)).events);
    expect(event.startZone).toBe('UTC');
    expect(event.start.toISOString()).toBe('2027-01-15T15:00:00.000Z');
  });

  it('keeps the UID across builds and writes the interview’s SEQUENCE', () => {
    const first = only(parseCalendar(buildInterviewCalendar(makeInterview({ sequence: 0 }), options)).events);
    const edited = only(
      parseCalendar(
        buildCalendar([makeInterview({ sequence: 3, durationMinutes: 90 })], {
          ...options,
          now: new Date('2026-12-02T09:00:00Z'),
        }),
      ).events,
    );
    expect(first.uid).toBe('int_ny@rebound');
    expect(edited.uid).toBe(first.uid);
    expect(first.sequence).toBe(0);
    expect(edited.sequence).toBe(3);
  });

  it.each(['CANCELLED', 'WITHDRAWN', 'RESCHEDULED'] as const)(
    'gives a %s interview STATUS:CANCELLED and no alarms',
    (status) => {
      const event = only(parseCalendar(buildCalendar([makeInterview({ status, sequence: 2 })], options)).events);
      expect(event.status).toBe('CANCELLED');
      expect(event.alarms).toEqual([]);
      expect(event.uid).toBe('int_ny@rebound');
    },
  );

  it('asks subscribers to refresh hourly when built as a feed, and a download does not', () => {
    const feed = parseCalendar(buildCalendar([makeInterview()], { ...options, refreshSeconds: 3600 }));
    expect(feed.refreshInterval).toBe('PT1H');
    expect(feed.publishedTtl).toBe('PT1H');
    expect(feed.name).toBe('Rebound interviews');
    const download = parseCalendar(buildInterviewCalendar(makeInterview(), options));
    expect(download.refreshInterval).toBeNull();
    expect(download.publishedTtl).toBeNull();
  });

  it('keeps the alarms in the downloaded file, relative to the start', () => {
    const event = only(parseCalendar(buildInterviewCalendar(makeInterview(), options)).events);
    expect(event.alarms.map((alarm) => [alarm.action, alarm.trigger])).toEqual([
      ['DISPLAY', '-P1D'],
      ['DISPLAY', '-PT2H'],
    ]);
  });

  describe('a second chance after a miss', () => {
    const secondChance = makeInterview({
      isSecondChance: true,
      leaveBy: new Date('2027-01-15T13:30:00Z'),
      // A lesson about forgetting asked for a reminder the evening before.
      extraReminders: [{ at: new Date('2027-01-14T23:00:00Z'), text: 'Reminder from your lessons' }],
    });

    it('never mentions the miss, the lesson or an apology in its title, description or alarms', () => {
      const event = only(parseCalendar(buildInterviewCalendar(secondChance, options)).events);
      const texts = [event.summary, event.description, ...event.alarms.map((alarm) => alarm.description)];
      expect(event.alarms).toHaveLength(4);
      for (const text of texts) expect(text).not.toMatch(/miss|lesson|apolog|sorry|again|second chance|reschedul/i);
    });

    it('says what to do instead: arrive early and thank them', () => {
      const event = only(parseCalendar(buildInterviewCalendar(secondChance, options)).events);
      expect(SECOND_CHANCE_TIP).toBe('Arrive 15 minutes early; thank them for the opportunity.');
      expect(event.description.split('\n')).toContain(SECOND_CHANCE_TIP);
      const [dayBefore, extra] = event.alarms;
      expect(dayBefore?.description).toBe(`Tomorrow: Interview: Platform Engineer at Acme. ${SECOND_CHANCE_TIP}`);
      expect(extra).toEqual({
        action: 'DISPLAY',
        trigger: '-PT16H',
        description: `Get ready: Interview: Platform Engineer at Acme. ${SECOND_CHANCE_TIP}`,
      });
    });

    it('leaves an ordinary interview’s texts as they were', () => {
      const event = only(
        parseCalendar(buildInterviewCalendar({ ...secondChance, isSecondChance: false }, options)).events,
      );
      expect(event.description).not.toContain(SECOND_CHANCE_TIP);
      expect(event.alarms[1]?.description).toBe('Reminder from your lessons: Interview: Platform Engineer at Acme');
    });
  });
});

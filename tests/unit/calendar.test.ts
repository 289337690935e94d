import {
  CalendarBuildError,
  buildCalendar,
  buildInterviewCalendar,
  buildInterviewEvent,
  writeCalendar,
  type CalendarInterview,
} from '@/lib/domain/calendar';

type Property = { name: string; params: string; value: string };
type Component = { type: string; properties: Property[]; children: Component[] };

// Reads .ics text the way a strict client would, failing on anything malformed.
function parseIcs(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

  const logical = text
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
  const root: Component = { type: 'ROOT', properties: [], children: [] };
  const stack: Component[] = [root];
  for (const line of logical) {
    const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name = '', params = '', value = ''] = match;
    const current = stack[stack.length - 1] as Component;
    if (name === 'BEGIN') {
      const child: Component = { type: value, properties: [], children: [] };
      current.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      if (current.type !== value) throw new Error(`END:${value} closes ${current.type}`);
      stack.pop();
    } else {
      current.properties.push({ name, params, value });
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed ${stack[stack.length - 1]?.type}`);
  expect(root.children).toHaveLength(1);
  return root.children[0] as Component;
}

const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_all, char: string) => (char.toLowerCase() === 'n' ? '\n' : char));
const prop = (component: Component, name: string) => component.properties.find((p) => p.name === name);
const value = (component: Component, name: string) => prop(component, name)?.value;
const events = (calendar: Component) => calendar.children.filter((child) => child.type === 'VEVENT');
const onlyEvent = (calendar: Component) => {
  const [event, ...rest] = events(calendar);
  expect(rest).toHaveLength(0);
  return event as Component;
};
const alarms = (event: Component) => event.children.filter((child) => child.type === 'VALARM');
const triggers = (event: Component) =>
  alarms(event).map((alarm) => `${prop(alarm, 'TRIGGER')?.params}:${value(alarm, 'TRIGGER')}`);

const NOW = new Date('2026-03-01T08:00:00Z');
const options = { appUrl: 'https://rebound.example.com', name: 'Rebound interviews', now: NOW };

function makeInterview(overrides: Partial<CalendarInterview> = {}): CalendarInterview {
  return {
    id: 'int_123',
    company: 'Acme',
    roleTitle: 'Platform Engineer',
    roundLabel: 'Second round',
    scheduledStart: new Date('2026-03-10T14:00:00Z'),
    durationMinutes: 45,
    timeZone: 'Europe/London',
    format: 'IN_PERSON',
    location: '1 Main Street, London',
    meetingUrl: null,
    contactName: 'Jane Doe',
    contactEmail: 'jane@acme.example',
    notes: null,
    leaveBy: null,
    status: 'SCHEDULED',
    sequence: 0,
    ...overrides,
  };
}

describe('buildCalendar', () => {
  it('wraps events in a well-formed VCALENDAR', () => {
    const calendar = parseIcs(buildCalendar([makeInterview()], options));
    expect(calendar.type).toBe('VCALENDAR');
    expect(value(calendar, 'VERSION')).toBe('2.0');
    expect(value(calendar, 'PRODID')).toBe('-//Rebound//Interview tracker//EN');
    expect(value(calendar, 'METHOD')).toBe('PUBLISH');
    expect(value(calendar, 'X-WR-CALNAME')).toBe('Rebound interviews');
  });

  it('describes a scheduled interview with start, end, summary, stamp and link', () => {
    const event = onlyEvent(parseIcs(buildCalendar([makeInterview()], options)));
    expect(value(event, 'UID')).toBe('int_123@rebound');
    expect(unescapeText(value(event, 'SUMMARY') ?? '')).toBe('Interview: Platform Engineer at Acme');
    expect(prop(event, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: ';TZID=Europe/London',
      value: '20260310T140000',
    });
    expect(prop(event, 'DTEND')).toEqual({ name: 'DTEND', params: ';TZID=Europe/London', value: '20260310T144500' });
    expect(value(event, 'DTSTAMP')).toBe('20260301T080000Z');
    expect(value(event, 'STATUS')).toBe('CONFIRMED');
    expect(value(event, 'URL')).toBe('https://rebound.example.com/interviews/int_123');
    expect(unescapeText(value(event, 'LOCATION') ?? '')).toBe('1 Main Street, London');
  });

  it('puts round, format, local time, contact and a link back in the description', () => {
    const event = onlyEvent(parseIcs(buildCalendar([makeInterview()], options)));
    expect(unescapeText(value(event, 'DESCRIPTION') ?? '').split('\n')).toEqual([
      'Round: Second round',
      'Format: In person',
      'When: Tue, 10 Mar 2026, 14:00 (London time, GMT)',
      'Contact: Jane Doe <jane@acme.example>',
      'Open in Rebound: https://rebound.example.com/interviews/int_123',
    ]);
  });

  it('shows the time in the interview zone, not the server zone', () => {
    const event = onlyEvent(
      parseIcs(
        buildCalendar(
          [makeInterview({ timeZone: 'America/New_York', scheduledStart: new Date('2026-03-09T13:00:00Z') })],
          options,
        ),
      ),
    );
    expect(prop(event, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: ';TZID=America/New_York',
      value: '20260309T090000',
    });
    expect(unescapeText(value(event, 'DESCRIPTION') ?? '')).toContain(
      'When: Mon, 9 Mar 2026, 09:00 (New York time, EDT)',
    );
  });

  it('reminds 1 day and 2 hours before the start when there is no leave-by time', () => {
    const event = onlyEvent(parseIcs(buildCalendar([makeInterview()], options)));
    expect(triggers(event)).toEqual([':-P1D', ':-PT2H']);
    for (const alarm of alarms(event)) {
      expect(value(alarm, 'ACTION')).toBe('DISPLAY');
      expect(unescapeText(value(alarm, 'DESCRIPTION') ?? '')).toContain('Interview: Platform Engineer at Acme');
    }
  });

  it('adds the extra reminders a lesson asked for, at their own time', () => {
    const interview = makeInterview({
      extraReminders: [{ at: new Date('2026-03-09T18:00:00Z'), text: 'Reminder from your lessons' }],
    });
    const event = onlyEvent(parseIcs(buildCalendar([interview], options)));
    // 18:00 the evening before a 14:00 start.
    expect(triggers(event)).toEqual([':-P1D', ':-PT20H', ':-PT2H']);
    expect(unescapeText(value(alarms(event)[1] as Component, 'DESCRIPTION') ?? '')).toBe(
      'Reminder from your lessons: Interview: Platform Engineer at Acme',
    );
  });

  it('reminds 1 day before, 30 minutes before leave-by and at leave-by when leave-by is set', () => {
    const interview = makeInterview({ leaveBy: new Date('2026-03-10T13:05:00Z') });
    const event = onlyEvent(parseIcs(buildCalendar([interview], options)));
    // Leave by 13:05 for 14:00: at 12:35 and 13:05, relative to the start.
    expect(triggers(event)).toEqual([':-P1D', ':-PT1H25M', ':-PT55M']);
    expect(unescapeText(value(alarms(event)[2] as Component, 'DESCRIPTION') ?? '')).toMatch(/^Leave now: /);
    expect(unescapeText(value(event, 'DESCRIPTION') ?? '')).toContain(
      'Leave by: Tue, 10 Mar 2026, 13:05 (London time, GMT)',
    );
  });

  it('shows leave-by in local time across the spring-forward night', () => {
    const interview = makeInterview({
      timeZone: 'America/New_York',
      scheduledStart: new Date('2026-03-08T13:00:00Z'), // 09:00 EDT
      leaveBy: new Date('2026-03-08T05:30:00Z'), // 00:30 EST
    });
    const event = onlyEvent(parseIcs(buildCalendar([interview], options)));
    expect(unescapeText(value(event, 'DESCRIPTION') ?? '')).toContain(
      'Leave by: Sun, 8 Mar 2026, 00:30 (New York time, EST)',
    );
    expect(triggers(event)[2]).toBe(':-PT7H30M');
  });

  it.each([
    ['CANCELLED', 'Cancelled'],
    ['WITHDRAWN', 'Withdrawn'],
    ['RESCHEDULED', 'Moved'],
  ] as const)('marks a %s interview cancelled, free and silent, and says so in its title', (status, label) => {
    const event = onlyEvent(
      parseIcs(buildCalendar([makeInterview({ status, leaveBy: new Date('2026-03-10T13:00:00Z') })], options)),
    );
    expect(value(event, 'STATUS')).toBe('CANCELLED');
    expect(unescapeText(value(event, 'SUMMARY') ?? '')).toBe(`${label}: Interview: Platform Engineer at Acme`);
    expect(value(event, 'TRANSP')).toBe('TRANSPARENT');
    expect(alarms(event)).toHaveLength(0);
    expect(value(event, 'UID')).toBe('int_123@rebound');
  });

  it.each(['COMPLETED', 'MISSED'] as const)('keeps a %s interview confirmed but without reminders', (status) => {
    const event = onlyEvent(parseIcs(buildCalendar([makeInterview({ status })], options)));
    expect(value(event, 'STATUS')).toBe('CONFIRMED');
    expect(value(event, 'TRANSP')).toBe('OPAQUE');
    expect(alarms(event)).toHaveLength(0);
  });

  it('keeps the UID stable across rebuilds and edits, and distinct between interviews', () => {
    const first = onlyEvent(parseIcs(buildCalendar([makeInterview()], options)));
    const edited = onlyEvent(
      parseIcs(
        buildCalendar([makeInterview({ company: 'Acme Ltd', durationMinutes: 90 })], { ...options, now: new Date() }),
      ),
    );
    expect(value(edited, 'UID')).toBe(value(first, 'UID'));
    const both = events(parseIcs(buildCalendar([makeInterview(), makeInterview({ id: 'int_456' })], options)));
    expect(both.map((event) => value(event, 'UID'))).toEqual(['int_123@rebound', 'int_456@rebound']);
  });

  describe('location', () => {
    it('uses the meeting URL for a video interview, even when an address is set', () => {
      const interview = makeInterview({ format: 'VIDEO', meetingUrl: 'https://meet.example.com/abc' });
      const event = onlyEvent(parseIcs(buildCalendar([interview], options)));
      expect(value(event, 'LOCATION')).toBe('https://meet.example.com/abc');
      expect(unescapeText(value(event, 'DESCRIPTION') ?? '')).toContain('Join: https://meet.example.com/abc');
    });

    it('falls back to the meeting URL when an in-person interview has no address', () => {
      const interview = makeInterview({ location: '  ', meetingUrl: 'https://meet.example.com/abc' });
      expect(value(onlyEvent(parseIcs(buildCalendar([interview], options))), 'LOCATION')).toBe(
        'https://meet.example.com/abc',
      );
    });

    it('omits LOCATION when there is neither', () => {
      const interview = makeInterview({ format: 'PHONE', location: null, meetingUrl: undefined });
      expect(prop(onlyEvent(parseIcs(buildCalendar([interview], options))), 'LOCATION')).toBeUndefined();
    });
  });

  it('escapes commas, semicolons, backslashes and newlines, and they read back unchanged', () => {
    const interview = makeInterview({
      company: 'Smith, Jones; Partners \\ Co',
      notes: 'Line one\nLine two, with comma; and semicolon',
      leaveBy: new Date('2026-03-10T13:00:00Z'),
    });
    const text = buildCalendar([interview], options);
    expect(text).toContain('Smith\\, Jones\\; Partners \\\\ Co');
    const event = onlyEvent(parseIcs(text));
    expect(unescapeText(value(event, 'SUMMARY') ?? '')).toBe(
      'Interview: Platform Engineer at Smith, Jones; Partners \\ Co',
    );
    expect(unescapeText(value(event, 'DESCRIPTION') ?? '')).toContain(
      'Notes: Line one\nLine two, with comma; and semicolon',
    );
    for (const alarm of alarms(event)) {
      expect(value(alarm, 'DESCRIPTION')).toContain('Smith\\, Jones\\; Partners \\\\ Co');
    }
  });

  it('folds long non-ASCII lines at 75 octets without splitting characters', () => {
    const notes = `Ωμέγα ${'Ω'.repeat(80)} 🎉🎉🎉 ${'日本語'.repeat(30)} end`;
    const text = buildCalendar([makeInterview({ company: 'Zoë Müller GmbH', notes })], options);
    expect(text).not.toContain('\uFFFD');
    const event = onlyEvent(parseIcs(text)); // parseIcs asserts the 75-octet limit
    expect(unescapeText(value(event, 'DESCRIPTION') ?? '')).toContain(`Notes: ${notes}`);
    expect(text).toMatch(/\r\n [^\r\n]/); // it did fold, with a single-space continuation
  });

  it('strips a trailing slash from the app URL and encodes the id in the link', () => {
    const event = onlyEvent(
      parseIcs(buildCalendar([makeInterview({ id: 'a b/c' })], { ...options, appUrl: 'http://localhost:3000/' })),
    );
    expect(value(event, 'URL')).toBe('http://localhost:3000/interviews/a%20b%2Fc');
    expect(value(event, 'UID')).toBe('a b/c@rebound');
  });

  it('returns a valid calendar with no events for an empty list', () => {
    const calendar = parseIcs(buildCalendar([], options));
    expect(events(calendar)).toHaveLength(0);
    expect(value(calendar, 'X-WR-CALNAME')).toBe('Rebound interviews');
  });

  it('refuses an app URL that is not absolute http(s)', () => {
    expect(() => buildCalendar([makeInterview()], { ...options, appUrl: 'rebound.example.com' })).toThrow(
      CalendarBuildError,
    );
    expect(() => buildCalendar([makeInterview()], { ...options, appUrl: 'javascript:alert(1)' })).toThrow(
      'The app URL must be an absolute http(s) URL (got "javascript:alert(1)").',
    );
  });

  it('refuses an invalid start or duration', () => {
    expect(() => buildCalendar([makeInterview({ scheduledStart: new Date('nope') })], options)).toThrow(
      /invalid start time/,
    );
    expect(() => buildCalendar([makeInterview({ durationMinutes: -5 })], options)).toThrow(/invalid duration/);
  });

  it('refuses a time zone it has no VTIMEZONE for', () => {
    const nowhere = makeInterview({ timeZone: 'Mars/Olympus_Mons' });
    expect(() => buildCalendar([nowhere], options)).toThrow(CalendarBuildError);
    expect(() => buildCalendar([nowhere], options)).toThrow(
      'Interview int_123 has an unknown time zone ("Mars/Olympus_Mons").',
    );
  });
});

describe('writeCalendar', () => {
  const interviews = Array.from({ length: 7 }, (_, index) =>
    makeInterview({
      id: `int_${index}`,
      company: `Zoë ${index}`,
      timeZone: ['Europe/London', 'UTC', 'America/New_York'][index % 3],
      scheduledStart: new Date(Date.UTC(2026, 2, 10 + index, 14)),
    }),
  );

  it("writes buildCalendar's text in pieces of the given number of events", () => {
    const pieces = [...writeCalendar(interviews, options, 3)];
    expect(pieces.join('')).toBe(buildCalendar(interviews, options));
    // The header with both VTIMEZONEs, three pieces of events (3, 3 and 1), the end.
    expect(pieces).toHaveLength(5);
    expect(pieces[0]).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(pieces[0]?.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    expect(pieces[0]).not.toContain('BEGIN:VEVENT');
    expect(pieces.slice(1, 4).map((piece) => piece.match(/BEGIN:VEVENT/g)?.length)).toEqual([3, 3, 1]);
    expect(pieces[4]).toBe('END:VCALENDAR\r\n');
  });

  it('refuses an interview it cannot write before giving any piece', () => {
    const broken = [...interviews, makeInterview({ id: 'int_late', durationMinutes: Number.NaN })];
    expect(() => writeCalendar(broken, options, 3)).toThrow(
      'Interview int_late has an invalid duration (NaN minutes).',
    );
  });
});

describe('buildInterviewEvent', () => {
  it('returns the event data with its zone, revision and status', () => {
    const event = buildInterviewEvent(makeInterview({ status: 'WITHDRAWN', sequence: 4 }), options);
    expect(event).toMatchObject({
      id: 'int_123@rebound',
      sequence: 4,
      timezone: 'Europe/London',
      status: 'CANCELLED',
      summary: 'Withdrawn: Interview: Platform Engineer at Acme',
    });
    expect(event.alarms).toEqual([]);
  });
});

describe('buildInterviewCalendar', () => {
  it('builds a one-event calendar named after the company', () => {
    const calendar = parseIcs(buildInterviewCalendar(makeInterview({ company: 'Initech, LLC' }), options));
    expect(value(calendar, 'X-WR-CALNAME')).toBe('Interview at Initech\\, LLC');
    expect(value(onlyEvent(calendar), 'UID')).toBe('int_123@rebound');
  });
});

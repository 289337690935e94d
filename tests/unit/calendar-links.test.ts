import { buildAddToCalendarLinks, buildGoogleCalendarUrl, buildOutlookCalendarUrl } from '@/lib/domain/calendar-links';
import { SECOND_CHANCE_TIP, type CalendarInterview } from '@/lib/domain/calendar';

const APP_URL = 'https://rebound.example.com/';

function makeInterview(overrides: Partial<CalendarInterview> = {}): CalendarInterview {
  return {
    id: 'int_123',
    company: 'Smith & Jones, Ltd',
    roleTitle: 'Platform Engineer',
    roundLabel: 'Second round',
    // 09:30 in New York in winter (EST, UTC−5).
    scheduledStart: new Date('2027-01-15T14:30:00Z'),
    durationMinutes: 45,
    timeZone: 'America/New_York',
    format: 'IN_PERSON',
    location: '1 Main St #4, New York',
    contactName: 'Jane Doe',
    status: 'SCHEDULED',
    sequence: 0,
    ...overrides,
  };
}

const paramsOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('Google Calendar link', () => {
  it('is the render template with the wall-clock times in the interview’s zone', () => {
    const url = buildGoogleCalendarUrl(makeInterview(), APP_URL);
    expect(url.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&')).toBe(true);
    expect(paramsOf(url)).toEqual({
      action: 'TEMPLATE',
      text: 'Interview: Platform Engineer at Smith & Jones, Ltd',
      dates: '20270115T093000/20270115T101500',
      ctz: 'America/New_York',
      details: [
        'Round: Second round',
        'Format: In person',
        'When: Fri, 15 Jan 2027, 09:30 (New York time, EST)',
        'Contact: Jane Doe',
        'Open in Rebound: https://rebound.example.com/interviews/int_123',
      ].join('\n'),
      location: '1 Main St #4, New York',
    });
  });

  it('follows the zone’s summer offset', () => {
    const summer = makeInterview({ scheduledStart: new Date('2027-07-15T13:30:00Z') });
    expect(paramsOf(buildGoogleCalendarUrl(summer, APP_URL)).dates).toBe('20270715T093000/20270715T101500');
  });

  it('encodes every reserved character, with spaces as %20 rather than +', () => {
    const url = buildGoogleCalendarUrl(makeInterview(), APP_URL);
    expect(url).toContain('&text=Interview%3A%20Platform%20Engineer%20at%20Smith%20%26%20Jones%2C%20Ltd&');
    expect(url).toContain('&location=1%20Main%20St%20%234%2C%20New%20York');
    expect(url).toContain('%0A'); // the description's line breaks
    expect(url).not.toMatch(/[ +]/);
  });

  it('leaves out the location when there is none', () => {
    const url = buildGoogleCalendarUrl(makeInterview({ format: 'PHONE', location: null }), APP_URL);
    expect(paramsOf(url)).not.toHaveProperty('location');
  });
});

describe('Outlook link', () => {
  it('is the compose form with start and end as local times carrying the zone’s offset', () => {
    const url = buildOutlookCalendarUrl(makeInterview(), APP_URL);
    expect(url.startsWith('https://outlook.live.com/calendar/0/action/compose?subject=')).toBe(true);
    expect(paramsOf(url)).toMatchObject({
      subject: 'Interview: Platform Engineer at Smith & Jones, Ltd',
      startdt: '2027-01-15T09:30:00-05:00',
      enddt: '2027-01-15T10:15:00-05:00',
      location: '1 Main St #4, New York',
    });
    expect(paramsOf(url).body).toContain('Open in Rebound: https://rebound.example.com/interviews/int_123');
    // Each names the stored instant exactly.
    expect(new Date(paramsOf(url).startdt ?? '').toISOString()).toBe('2027-01-15T14:30:00.000Z');
  });

  it('writes summer, half-hour and positive offsets, and encodes the plus sign', () => {
    const summer = buildOutlookCalendarUrl(
      makeInterview({ scheduledStart: new Date('2027-07-15T13:30:00Z') }),
      APP_URL,
    );
    expect(paramsOf(summer).startdt).toBe('2027-07-15T09:30:00-04:00');
    const kolkata = buildOutlookCalendarUrl(
      makeInterview({ timeZone: 'Asia/Kolkata', scheduledStart: new Date('2027-01-15T04:30:00Z') }),
      APP_URL,
    );
    expect(paramsOf(kolkata).startdt).toBe('2027-01-15T10:00:00+05:30');
    expect(kolkata).toContain('startdt=2027-01-15T10%3A00%3A00%2B05%3A30');
  });

  it('uses the meeting link as the place of a video interview', () => {
    const video = makeInterview({ format: 'VIDEO', location: null, meetingUrl: 'https://meet.example.com/a?b=c&d=e' });
    expect(paramsOf(buildOutlookCalendarUrl(video, APP_URL)).location).toBe('https://meet.example.com/a?b=c&d=e');
  });
});

describe('buildAddToCalendarLinks', () => {
  it('gives a second chance the forward-looking description in both links', () => {
    const links = buildAddToCalendarLinks(makeInterview({ isSecondChance: true }), APP_URL);
    for (const details of [paramsOf(links.google).details, paramsOf(links.outlook).body]) {
      expect(details?.split('\n')).toContain(SECOND_CHANCE_TIP);
      expect(details).not.toMatch(/miss|lesson|apolog|again/i);
    }
  });
});

import { SECOND_CHANCE_TIP } from '@/lib/domain/calendar';
import {
  buildReminderContent,
  describeDay,
  formatInBothZones,
  type ReminderContentInput,
  type ReminderContentInterview,
} from '@/lib/domain/reminders-content';
import type { ReminderKind } from '@/lib/domain/reminders';
import { zonedLocalToUtc } from '@/lib/domain/time';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const atLocal = (local: string, zone: string) => zonedLocalToUtc(local, zone).instant;

const inPerson: ReminderContentInterview = {
  company: 'Acme',
  roleTitle: 'Backend Engineer',
  scheduledStart: atLocal('2026-12-03T10:00', NY),
  durationMinutes: 60,
  timeZone: NY,
  format: 'IN_PERSON',
  location: '350 Fifth Avenue, New York',
  contactName: 'Dana Smith',
  contactEmail: 'dana@acme.example',
  contactPhone: '+1 (212) 555-0100',
};

const links = {
  open: 'https://rebound.example/interviews/int_1',
  runningLate: 'https://rebound.example/interviews/int_1/running-late',
  checkInHappened: 'https://rebound.example/check-in/tok?answer=happened',
  checkInDidNotHappen: 'https://rebound.example/check-in/tok?answer=not',
  lessons: 'https://rebound.example/lessons',
};

function build(
  kind: ReminderKind,
  overrides: Partial<ReminderContentInput> = {},
  interview: Partial<ReminderContentInterview> = {},
) {
  return buildReminderContent({
    reminder: { kind, leaveBy: atLocal('2026-12-03T08:50', NY) },
    interview: { ...inPerson, ...interview },
    userTimeZone: LONDON,
    userName: 'Sam Lee',
    links,
    sentAt: atLocal('2026-12-02T18:00', LONDON),
    ...overrides,
  });
}

const everyText = (content: ReturnType<typeof build>) =>
  [
    content.subject,
    content.body,
    content.push.title,
    content.push.body,
    content.confirmation?.subject,
    content.confirmation?.body,
    ...content.links.map((link) => link.label),
  ]
    .join('\n')
    // The app's own addresses (/lessons) are paths, not words the reader takes in.
    .replace(/https?:\/\/\S+/g, '<link>');

describe('formatInBothZones', () => {
  it('shows the interview’s zone and the user’s', () => {
    expect(formatInBothZones(atLocal('2026-12-03T10:00', NY), NY, LONDON)).toBe(
      'Thu, 3 Dec 2026, 10:00 (New York time, EST); for you Thu, 3 Dec 2026, 15:00 (London time, GMT)',
    );
  });

  it('shows one zone when they are the same, aliases included', () => {
    expect(formatInBothZones(atLocal('2026-12-03T10:00', LONDON), LONDON, 'Europe/London')).toBe(
      'Thu, 3 Dec 2026, 10:00 (London time, GMT)',
    );
    expect(formatInBothZones(new Date('2026-12-03T10:00:00Z'), 'UTC', 'Etc/UTC')).toBe('Thu, 3 Dec 2026, 10:00 (UTC)');
  });

  it('names the summer-time abbreviations in the weeks New York and London differ', () => {
    // 20 March 2026: New York on EDT, London still on GMT, four hours apart.
    expect(formatInBothZones(atLocal('2026-03-20T09:00', NY), NY, LONDON)).toBe(
      'Fri, 20 Mar 2026, 09:00 (New York time, EDT); for you Fri, 20 Mar 2026, 13:00 (London time, GMT)',
    );
    // 28 October 2026: London back on GMT, New York still on EDT.
    expect(formatInBothZones(atLocal('2026-10-28T09:00', NY), NY, LONDON)).toContain('13:00 (London time, GMT)');
  });
});

describe('describeDay', () => {
  it('reads the days in the given zone', () => {
    const from = new Date('2026-12-02T18:00:00Z');
    const start = new Date('2026-12-03T00:30:00Z'); // 19:30 on 2 Dec in New York, 00:30 on 3 Dec in London
    expect(describeDay(from, start, LONDON)).toBe('tomorrow');
    expect(describeDay(from, start, NY)).toBe('today');
    expect(describeDay(from, new Date('2026-12-05T12:00:00Z'), LONDON)).toBe('on Saturday 5 December');
  });

  it('counts calendar days across a clock change, not 24-hour blocks', () => {
    // 23 hours from 18:00 on 28 March to 18:00 on 29 March in London is still one day.
    expect(describeDay(atLocal('2026-03-28T18:00', LONDON), atLocal('2026-03-29T18:00', LONDON), LONDON)).toBe(
      'tomorrow',
    );
  });
});

describe('the evening-before content', () => {
  it('has both zones, the leave-by time, the address with a map link, and the contact', () => {
    const content = build('EVENING_BEFORE');
    expect(content.subject).toBe('Tomorrow at 15:00: Backend Engineer interview at Acme');
    expect(content.body).toContain(
      'When: Thu, 3 Dec 2026, 10:00 (New York time, EST); for you Thu, 3 Dec 2026, 15:00 (London time, GMT)',
    );
    expect(content.body).toContain('Leave by: Thu, 3 Dec 2026, 08:50 (New York time, EST)');
    expect(content.body).toContain('Where: 350 Fifth Avenue, New York');
    expect(content.body).toContain(
      'Map: https://www.google.com/maps/search/?api=1&query=350%20Fifth%20Avenue%2C%20New%20York',
    );
    expect(content.body).toContain('Contact: Dana Smith, +1 (212) 555-0100, dana@acme.example');
    expect(content.links).toEqual(
      expect.arrayContaining([
        {
          label: 'Directions',
          url: 'https://www.google.com/maps/search/?api=1&query=350%20Fifth%20Avenue%2C%20New%20York',
        },
        { label: 'Call', url: 'tel:+12125550100' },
        { label: 'Running late', url: links.runningLate },
      ]),
    );
  });

  it('drafts a confirmation to the contact, sendable in one step', () => {
    const { confirmation } = build('EVENING_BEFORE');
    expect(confirmation).not.toBeNull();
    expect(confirmation?.recipient).toBe('dana@acme.example');
    expect(confirmation?.subject).toBe('Looking forward to our interview tomorrow');
    expect(confirmation?.body).toBe(
      [
        'Dear Dana Smith,',
        'I am writing to confirm our interview for the Backend Engineer position tomorrow, Thursday 3 December at 10:00 (New York time, EST), at 350 Fifth Avenue, New York.',
        'Thank you for the opportunity; I am looking forward to it.',
        'Kind regards,\nSam Lee',
      ].join('\n\n'),
    );
    expect(confirmation?.mailto).toMatch(/^mailto:dana@acme\.example\?subject=Looking%20forward/);
    expect(build('EVENING_BEFORE').links).toContainEqual({ label: 'Send the confirmation', url: confirmation?.mailto });
  });

  it('says “today” to the contact when the user’s evening is the contact’s interview day', () => {
    // 19:30 in New York is 00:30 tomorrow in London: the user's "tomorrow" is the contact's "today".
    const content = build(
      'EVENING_BEFORE',
      { reminder: { kind: 'EVENING_BEFORE', leaveBy: null } },
      { scheduledStart: atLocal('2026-12-02T19:30', NY), format: 'VIDEO', meetingUrl: 'https://meet.example/abc' },
    );
    expect(content.subject).toBe('Tomorrow at 00:30: Backend Engineer interview at Acme');
    expect(content.confirmation?.subject).toBe('Looking forward to our interview today');
    expect(content.confirmation?.body).toContain(
      'today, Wednesday 2 December at 19:30 (New York time, EST), by video.',
    );
    expect(content.body).toContain('Join: https://meet.example/abc');
    expect(content.body).not.toContain('Leave by');
  });

  it('asks for a travel time when an in-person interview has none', () => {
    expect(build('EVENING_BEFORE', { reminder: { kind: 'EVENING_BEFORE', leaveBy: null } }).body).toContain(
      'Add your travel time in Rebound',
    );
  });

  it('has no confirmation without anyone to send it to', () => {
    expect(build('EVENING_BEFORE', {}, { contactName: null, contactEmail: null }).confirmation).toBeNull();
  });
});

describe('leave-by content', () => {
  it('gives the time to leave before it, and says “leave now” once it has come', () => {
    expect(build('LEAVE_BY', { sentAt: atLocal('2026-12-03T08:35', NY) }).subject).toBe(
      'Leave by 13:50: Backend Engineer interview at Acme',
    );
    const late = build('LEAVE_BY', { sentAt: atLocal('2026-12-03T08:55', NY) });
    expect(late.subject).toBe('Leave now: Backend Engineer interview at Acme');
    expect(late.body).toContain('If you will be late, call ahead as soon as you know: +1 (212) 555-0100.');
  });

  it('tells a video candidate to test the link and be somewhere quiet', () => {
    const content = build(
      'LEAVE_BY',
      { reminder: { kind: 'LEAVE_BY', leaveBy: null } },
      { format: 'VIDEO', meetingUrl: 'https://meet.example/abc', location: null },
    );
    expect(content.body).toContain('Test your link, camera and microphone now, and be somewhere quiet.');
    expect(content.links).toContainEqual({ label: 'Join', url: 'https://meet.example/abc' });
    expect(content.links.map((link) => link.label)).not.toContain('Directions');
  });
});

describe('check-in content', () => {
  it('links both answers, and promises nothing is recorded until confirmed', () => {
    const content = build('CHECK_IN', { sentAt: atLocal('2026-12-03T13:00', NY) });
    expect(content.subject).toBe('Did it happen? Backend Engineer interview at Acme');
    expect(content.links).toEqual([
      { label: 'It happened', url: links.checkInHappened },
      { label: 'It did not happen', url: links.checkInDidNotHappen },
    ]);
    expect(content.body).toContain('nothing is recorded until you confirm');
  });
});

describe('lesson review content', () => {
  it('lists what the user decided to change', () => {
    const content = build('LESSON_REVIEW', {
      lessonActions: ['Leave 30 minutes earlier'],
      sentAt: atLocal('2026-12-02T10:00', NY),
    });
    expect(content.body).toContain('- Leave 30 minutes earlier');
    expect(content.links).toEqual([{ label: 'Open your lessons', url: links.lessons }]);
  });
});

describe('the second chance', () => {
  const forbidden = /miss|apolog|sorry|lesson|reschedul|again/i;
  const kinds: ReminderKind[] = ['EVENING_BEFORE', 'LEAVE_BY', 'EXTRA', 'CHECK_IN', 'LESSON_REVIEW'];

  it.each(kinds)('%s never mentions the miss, and looks ahead', (kind) => {
    const content = build(kind, { lessonActions: ['Do not miss the bus again'] }, { isSecondChance: true });
    expect(everyText(content)).not.toMatch(forbidden);
  });

  it('carries the one thing to do in the evening-before and leave-by reminders', () => {
    expect(build('EVENING_BEFORE', {}, { isSecondChance: true }).body).toContain(SECOND_CHANCE_TIP);
    expect(build('LEAVE_BY', {}, { isSecondChance: true }).body).toContain(SECOND_CHANCE_TIP);
  });

  it('the same checks catch the words on an ordinary interview', () => {
    const ordinary = build('LESSON_REVIEW', { lessonActions: ['Do not miss the bus again'] });
    expect(everyText(ordinary)).toMatch(forbidden);
  });
});

describe('zones that no longer exist', () => {
  it('fall back to UTC instead of throwing', () => {
    const content = build('EVENING_BEFORE', { userTimeZone: 'Mars/Olympus_Mons' }, { timeZone: 'America/Atlantis' });
    expect(content.body).toContain('When: Thu, 3 Dec 2026, 15:00 (UTC)');
  });
});

describe('recovery nudges', () => {
  it('point at the follow-up and the thank-you', () => {
    expect(build('FOLLOW_UP_DUE').subject).toBe('No answer from Acme yet');
    expect(build('THANK_YOU_UNSENT').subject).toBe('Your thank-you to Acme is still waiting');
    expect(build('THANK_YOU_UNSENT').links).toEqual([{ label: 'Review the thank-you', url: links.open }]);
  });
});

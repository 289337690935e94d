import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findIana } from 'windows-iana';
import {
  companyFromDomain,
  decodeInvitationBytes,
  INVITATION_MESSAGES,
  MAX_INVITATION_EVENTS,
  readInvitation,
  toIanaZone,
  type InvitationEvent,
} from '@/lib/domain/invitation';
import { findDialIn, isMeetingUrl, readPlace } from '@/lib/domain/invitation-links';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ics');

function fixture(name: string): string {
  const bytes = readFileSync(path.join(FIXTURES, name));
  const text = decodeInvitationBytes(bytes);
  if (text === null) throw new Error(`${name} is not text`);
  return text;
}

function events(name: string): InvitationEvent[] {
  const result = readInvitation(fixture(name));
  if (!result.ok) throw new Error(`${name} was refused: ${result.message}`);
  return result.invitation.events;
}

function refusal(text: string): string {
  const result = readInvitation(text);
  if (result.ok) throw new Error('the file was accepted');
  return result.message;
}

describe('invitations written by other software (tests/fixtures/ics, see its README)', () => {
  test('Exchange 2010: a Windows zone name is read as its IANA zone, at the right instant', () => {
    const [event] = events('exchange2010-romance-request-seq4.ics');
    expect(event).toMatchObject({
      uid: '040000008200E00074C5B7101A82E008000000005853D6D90C4BD0010000000000000000100000000827DA11FE47F5489049C8464AB0838A',
      sequence: 4,
      method: 'REQUEST',
      isCancelled: false,
      summary: 'Pommes',
      start: '2015-02-20T08:30:00.000Z',
      localStart: '2015-02-20T09:30',
      timeZone: 'Europe/Paris',
      fileZone: 'Romance Standard Time',
      needsZone: false,
      durationMinutes: 30,
      address: null,
      meetingLink: null,
      organizer: { name: 'Inbox Apptest2', email: 'inbox.apptest2@inboxapp.onmicrosoft.com' },
      organizerDomain: 'inboxapp.onmicrosoft.com',
    });
    expect(event!.attendees).toEqual([{ name: 'Karim Hamidou', email: 'organizer@example.com' }]);
  });

  test('iCloud request and its cancellation: same UID, SEQUENCE 0 then 1, the historical Paris VTIMEZONE', () => {
    const [request] = events('icloud-request-seq0.ics');
    const [cancel] = events('icloud-cancel-seq1.ics');
    expect(request).toMatchObject({
      uid: '5919D444-7C99-4687-A526-FC5D10091318',
      sequence: 0,
      method: 'REQUEST',
      isCancelled: false,
      start: '2015-03-31T02:30:00.000Z',
      timeZone: 'Europe/Paris',
      durationMinutes: 60,
      // The EMAIL parameter is the person; the value is iCloud's relay.
      organizer: { name: 'Karim Hamidou', email: expect.stringContaining('@') },
    });
    expect(cancel).toMatchObject({ uid: request!.uid, sequence: 1, method: 'CANCEL', isCancelled: true, status: null });
    expect(cancel!.organizer).toEqual({ name: 'Karim Hamidou', email: 'invalid@example.com' });
  });

  test('iCloud all-day invitation: refused, an interview needs a time', () => {
    expect(refusal(fixture('icloud-allday-request.ics'))).toBe(INVITATION_MESSAGES.allDay('This event'));
  });

  test('Google weekly invitation: refused as recurring', () => {
    expect(refusal(fixture('google-weekly-tzid-request.ics'))).toBe(INVITATION_MESSAGES.recurring('This event'));
  });

  test('Exchange Online / Teams series: refused as recurring', () => {
    expect(refusal(fixture('exchange-teams-weurope-anonymized.ics'))).toBe(INVITATION_MESSAGES.recurring('This event'));
  });

  test('Apple Calendar PUBLISH: UTC, an IANA TZID without VTIMEZONE, and a cancelled event among four', () => {
    const read = events('apple-macos-calendar-publish.ics');
    expect(read.map((event) => [event.summary, event.start, event.timeZone, event.isCancelled])).toEqual([
      ['Tentative', '2022-07-04T23:00:00.000Z', 'UTC', false],
      ['Confirmed', '2022-07-05T16:00:00.000Z', 'America/Vancouver', false],
      ['Cancelled', '2022-07-06T20:00:00.000Z', 'America/Vancouver', true],
      ['No Status', '2022-07-07T16:00:00.000Z', 'America/Vancouver', false],
    ]);
    expect(read[0]!.durationMinutes).toBe(50);
    expect(read.every((event) => event.method !== 'REQUEST')).toBe(true);
  });
});

describe('meeting links and dial-ins (tests/fixtures/ics/written)', () => {
  test('Google Meet: X-GOOGLE-CONFERENCE, the dial-in and PIN from the description, UTC times', () => {
    const [event] = events('written/google-meet-request.ics');
    expect(event).toMatchObject({
      meetingLink: { url: 'https://meet.google.com/abc-defg-hij', source: 'google' },
      dialIn: { phone: '+1 650-555-0142', pin: '123456789' },
      start: '2027-01-15T16:00:00.000Z',
      timeZone: 'UTC',
      durationMinutes: 45,
      address: null,
      organizer: { name: 'Dana Recruiter', email: 'dana@acme-robotics.com' },
      organizerDomain: 'acme-robotics.com',
    });
  });

  test('Teams: X-MICROSOFT-SKYPETEAMSMEETINGURL, W. Europe Standard Time → Europe/Berlin, "Microsoft Teams Meeting" is no address', () => {
    const [event] = events('written/teams-weurope-request.ics');
    expect(event).toMatchObject({
      meetingLink: { source: 'microsoft' },
      dialIn: { phone: '+49 69 365052458', pin: '912345678' },
      start: '2027-03-10T09:00:00.000Z',
      localStart: '2027-03-10T10:00',
      timeZone: 'Europe/Berlin',
      address: null,
    });
    expect(event!.meetingLink!.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  });

  test('Zoom: X-ZOOM-* link, the LOCATION link is not an address, one-tap dial-in', () => {
    const [event] = events('written/zoom-request.ics');
    expect(event).toMatchObject({
      meetingLink: { url: 'https://globex.zoom.us/j/85012345678?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ', source: 'zoom' },
      dialIn: { phone: '+16465588656', pin: '85012345678' },
      address: null,
      start: '2027-02-04T19:00:00.000Z',
      timeZone: 'America/New_York',
      method: 'PUBLISH',
    });
  });

  test('a floating time needs the user’s zone; DURATION gives the length; LOCATION is an address', () => {
    const [event] = events('written/floating-onsite.ics');
    expect(event).toMatchObject({
      needsZone: true,
      timeZone: null,
      localStart: '2027-03-01T09:30',
      durationMinutes: 90,
      address: 'Initech, 4120 Freidrich Lane, Austin TX',
      meetingLink: null,
      sequence: 2,
    });
  });

  test('a TZID only the file defines resolves through its VTIMEZONE, and asks for an IANA zone', () => {
    const [event] = events('written/custom-tzid.ics');
    expect(event).toMatchObject({
      start: '2027-04-12T09:30:00.000Z',
      needsZone: true,
      fileZone: 'Customized Time Zone',
    });
  });

  test('the file’s zones are not left registered for the next file', () => {
    events('written/custom-tzid.ics');
    const text = fixture('written/custom-tzid.ics').replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\n/, '');
    expect(refusal(text)).toBe(INVITATION_MESSAGES.unknownZone('This event', 'Customized Time Zone'));
  });

  test('LOCATION as a link, a label or an address; meeting hosts by host and path', () => {
    expect(readPlace('https://meet.google.com/xyz-abcd-efg')).toEqual({
      address: null,
      url: 'https://meet.google.com/xyz-abcd-efg',
    });
    expect(readPlace('Microsoft Teams Meeting')).toEqual({ address: null, url: null });
    expect(readPlace('10 Downing St, London')).toEqual({ address: '10 Downing St, London', url: null });
    expect(isMeetingUrl('https://acme.zoom.us/j/123')).toBe(true);
    expect(isMeetingUrl('https://zoom.us/pricing')).toBe(false);
    expect(isMeetingUrl('https://aka.ms/JoinTeamsMeeting')).toBe(false);
    expect(findDialIn('Call +44 20 7946 0000 PIN: 1234#')).toEqual({ phone: '+44 20 7946 0000', pin: '1234' });
    expect(findDialIn('no number here')).toBeNull();
  });
});

describe('refusals, each with its own message', () => {
  test.each([
    ['written/refuse-not-icalendar.ics', INVITATION_MESSAGES.notCalendar],
    ['written/refuse-no-event.ics', INVITATION_MESSAGES.noEvent],
    ['written/refuse-recurring.ics', INVITATION_MESSAGES.recurring('This event')],
    ['written/refuse-unknown-zone.ics', INVITATION_MESSAGES.unknownZone('This event', 'Atlantis/Poseidonia')],
    ['written/refuse-end-before-start.ics', INVITATION_MESSAGES.endBeforeStart('This event')],
  ])('%s', (name, message) => {
    expect(refusal(fixture(name))).toBe(message);
  });

  test('a binary file is not decoded', () => {
    expect(decodeInvitationBytes(readFileSync(path.join(FIXTURES, 'written/refuse-binary.ics')))).toBeNull();
    expect(refusal('BEGIN:VCALENDAR\u0000')).toBe(INVITATION_MESSAGES.binary);
  });

  test('a UTF-8 BOM is read past', () => {
    const text = decodeInvitationBytes(
      new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(fixture('written/refuse-recurring.ics'))]),
    );
    expect(refusal(text!)).toBe(INVITATION_MESSAGES.recurring('This event'));
  });

  test('a file whose structure is broken says what ical.js could not read', () => {
    expect(refusal('BEGIN:VCALENDAR\nBEGIN:VEVENT\nthis line has no colon\nEND:VCALENDAR\n')).toMatch(
      /^That invitation could not be read: /,
    );
  });

  test(`more than ${MAX_INVITATION_EVENTS} events`, () => {
    const event = (index: number) =>
      `BEGIN:VEVENT\nUID:${index}@example.net\nDTSTAMP:20261201T100000Z\nDTSTART:20270412T150000Z\nEND:VEVENT\n`;
    const text = `BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//t//EN\n${Array.from({ length: 201 }, (_, i) => event(i)).join('')}END:VCALENDAR\n`;
    expect(refusal(text)).toBe(INVITATION_MESSAGES.tooManyEvents(201));
  });

  test('two events with one UID', () => {
    const text = fixture('written/refuse-recurring.ics').replace('RRULE:FREQ=WEEKLY;COUNT=4\n', '');
    const twice = text.replace(
      'END:VEVENT',
      `END:VEVENT\n${text.slice(text.indexOf('BEGIN:VEVENT'), text.indexOf('END:VEVENT'))}END:VEVENT`,
    );
    expect(refusal(twice)).toBe(INVITATION_MESSAGES.duplicateUid('Event 2 ("Weekly sync")'));
  });

  test('in a file of several events, the message names the one refused', () => {
    const text = fixture('written/refuse-end-before-start.ics').replace(
      'BEGIN:VEVENT',
      'BEGIN:VEVENT\nUID:fine@example.net\nDTSTART:20270412T150000Z\nSUMMARY:Fine\nEND:VEVENT\nBEGIN:VEVENT',
    );
    expect(refusal(text)).toBe(INVITATION_MESSAGES.endBeforeStart('Event 2 ("Interview")'));
  });
});

describe('zones and companies', () => {
  test.each([
    ['Romance Standard Time', 'Europe/Paris'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Europe/Lisbon', 'Europe/Lisbon'],
    ['/mozilla.org/20070129_1/Europe/Berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['Atlantis/Poseidonia', null],
  ])('%s → %s', (tzid, iana) => {
    expect(toIanaZone(tzid)).toBe(iana);
  });

  test('the Windows mapping is windows-iana’s first zone', () => {
    expect(toIanaZone('Romance Standard Time')).toBe(findIana('Romance Standard Time')[0]);
  });

  test.each([
    ['acme-robotics.com', 'Acme Robotics'],
    ['careers.globex.co.uk', 'Globex'],
    ['nordwerk.de', 'Nordwerk'],
    ['gmail.com', null],
    ['calendly.com', null],
    ['inboxapp.onmicrosoft.com', null],
    [null, null],
  ])('%s → %s', (domain, company) => {
    expect(companyFromDomain(domain)).toBe(company);
  });
});

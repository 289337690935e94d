import type { InvitationEvent } from '@/lib/domain/invitation';
import {
  guessFormat,
  invitationFormDefaults,
  matchApplication,
  planInvitationEvent,
  roleFromSummary,
  type InvitedInterview,
} from '@/lib/domain/invitation-plan';

const event = (overrides: Partial<InvitationEvent> = {}): InvitationEvent => ({
  uid: 'uid-1@acme.test',
  sequence: 0,
  method: 'REQUEST',
  isCancelled: false,
  status: null,
  summary: 'Acme Robotics - Backend Engineer interview',
  description: null,
  start: '2027-03-10T09:00:00.000Z',
  localStart: '2027-03-10T10:00',
  timeZone: 'Europe/Berlin',
  needsZone: false,
  fileZone: 'W. Europe Standard Time',
  durationMinutes: 45,
  address: null,
  meetingLink: { url: 'https://meet.google.com/abc-defg-hij', source: 'google' },
  dialIn: null,
  organizer: { name: 'Dana Recruiter', email: 'dana@acme-robotics.com' },
  organizerDomain: 'acme-robotics.com',
  attendees: [],
  ...overrides,
});

const interview = (overrides: Partial<InvitedInterview> = {}): InvitedInterview => ({
  id: 'interview-1',
  invitationUid: 'uid-1@acme.test',
  invitationSequence: 1,
  status: 'SCHEDULED',
  scheduledStart: new Date('2027-03-09T09:00:00Z'),
  durationMinutes: 60,
  timeZone: 'Europe/Berlin',
  company: 'Acme Robotics',
  roleTitle: 'Backend Engineer',
  ...overrides,
});

describe('what an event means against the interviews', () => {
  test.each([
    ['a new UID', event(), null, 'new'],
    ['a new UID that is a cancellation', event({ isCancelled: true }), null, 'cancelled-unknown'],
    ['a higher SEQUENCE', event({ sequence: 2 }), interview(), 'update'],
    ['the same SEQUENCE', event({ sequence: 1 }), interview(), 'current'],
    ['an older SEQUENCE', event({ sequence: 0 }), interview(), 'current'],
    ['a higher SEQUENCE that cancels', event({ sequence: 2, isCancelled: true }), interview(), 'cancel'],
    [
      'a cancellation of a cancelled interview',
      event({ sequence: 2, isCancelled: true }),
      interview({ status: 'CANCELLED' }),
      'current',
    ],
    ['an interview without a SEQUENCE, and SEQUENCE 0', event(), interview({ invitationSequence: null }), 'current'],
  ] as const)('%s → %s', (_name, read, existing, kind) => {
    expect(planInvitationEvent(read, existing).kind).toBe(kind);
  });
});

describe('the application and the form', () => {
  const applications = [
    { id: 'a1', company: 'Globex', roleTitle: 'Analyst' },
    { id: 'a2', company: 'Acme Robotics', roleTitle: 'Data Engineer' },
    { id: 'a3', company: 'Acme Robotics', roleTitle: 'Backend Engineer' },
  ];

  test('matched by the organizer’s domain, the role the summary names preferred', () => {
    expect(matchApplication(event(), applications)?.id).toBe('a3');
    expect(matchApplication(event({ summary: 'Chat' }), applications)?.id).toBe('a2');
  });

  test('matched by the company the summary names when the organizer writes from a personal address', () => {
    expect(matchApplication({ summary: 'Interview with Globex', organizerDomain: 'gmail.com' }, applications)?.id).toBe(
      'a1',
    );
    expect(matchApplication({ summary: 'Coffee', organizerDomain: 'gmail.com' }, applications)).toBeNull();
  });

  test('the role from the summary, without the company or "interview"', () => {
    expect(roleFromSummary('Acme Robotics - Backend Engineer interview', 'Acme Robotics')).toBe('Backend Engineer');
    expect(roleFromSummary('Interview: Data Analyst (Nordwerk)', 'Nordwerk')).toBe('Data Analyst');
    expect(roleFromSummary('Interview', 'Acme')).toBe('Interview');
  });

  test('the format from what the invitation gives', () => {
    expect(guessFormat(event())).toBe('VIDEO');
    expect(guessFormat(event({ meetingLink: null, address: '1 Main St' }))).toBe('IN_PERSON');
    expect(guessFormat(event({ meetingLink: null, dialIn: { phone: '+1 555 0100', pin: null } }))).toBe('PHONE');
  });

  test('the form in the event’s zone, the organizer as contact, control characters left out', () => {
    const defaults = invitationFormDefaults(
      event({ description: 'Agenda\u0007: intro\r\nthen code', dialIn: { phone: '+1 650-555-0142', pin: '123' } }),
      { userTimeZone: 'America/New_York', application: null },
    );
    expect(defaults).toMatchObject({
      applicationId: '',
      company: 'Acme Robotics',
      roleTitle: 'Backend Engineer',
      date: '2027-03-10',
      startTime: '10:00',
      endTime: '10:45',
      timeZone: 'Europe/Berlin',
      format: 'VIDEO',
      meetingUrl: 'https://meet.google.com/abc-defg-hij',
      contactName: 'Dana Recruiter',
      contactEmail: 'dana@acme-robotics.com',
      notes: 'Dial-in: +1 650-555-0142, PIN 123\n\nAgenda: intro\nthen code',
    });
  });

  test('a floating time is read in the user’s zone, and an application matched fills company and role', () => {
    const defaults = invitationFormDefaults(
      event({ timeZone: null, needsZone: true, localStart: '2027-03-10T23:30' }),
      {
        userTimeZone: 'America/New_York',
        application: applications[0]!,
      },
    );
    expect(defaults).toMatchObject({
      applicationId: 'a1',
      company: 'Globex',
      roleTitle: 'Analyst',
      timeZone: 'America/New_York',
      startTime: '23:30',
      endTime: '23:59',
    });
  });
});

import { randomBytes } from 'node:crypto';
import { GET as calendarFeedGet } from '@/app/api/calendar/[token]/route';
import { GET as interviewIcsGet } from '@/app/api/interviews/[id]/ics/route';
import { GET as exportCsvGet } from '@/app/api/interviews/export/route';
import { getDb } from '@/lib/db';
import { buildCalendarFeed } from '@/lib/server/interviews/write-calendar-feed';
import { buildInterviewIcs } from '@/lib/server/interviews/build-interview-ics';
import { getCalendarFeedToken } from '@/lib/server/interviews/get-calendar-feed-token';
import { regenerateCalendarFeedToken } from '@/lib/server/interviews/regenerate-calendar-feed-token';
import { streamInterviewsCsv } from '@/lib/server/interviews/stream-interviews-csv';
import { changeInterviewStatus } from '@/lib/server/interviews/change-interview-status';
import { csvRows, parseCsv } from './support/csv';
import { createTestUser } from './support/factories';
import { createInterviewFromForm, DAY_MS, inPersonInput, insertInterviews } from './support/interview-fixtures';
import { signInAs } from './support/session';

// Route handlers read the session through getCurrentUser; each test says who is signed in.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);

const EXPORT_URL = 'http://test/api/interviews/export';

const db = getDb();
const APP_URL = 'https://rebound.example.com';

afterAll(() => db.$disconnect());

/** The whole exported file as text. */
async function exportInterviewsCsv(userId: string): Promise<string> {
  return new Response(await streamInterviewsCsv(userId)).text();
}

/** Unfolded content lines of an .ics text. */
function icsLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

const HEADERS = [
  'Company',
  'Role',
  'Round',
  'Start (local)',
  'Time zone',
  'Start (UTC)',
  'Duration (min)',
  'Format',
  'Status',
  'Address',
  'Meeting link',
  'Contact',
  'Contact email',
  'Contact phone',
  'Travel (min)',
  'Buffer (min)',
  'Notes',
  'Status history',
  'Added',
];

describe('CSV export', () => {
  it('has the header, one row per interview in start order, and each status history', async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const later = await createInterviewFromForm(user.id, { company: 'Later Ltd', date: '2027-05-01' });
    await createInterviewFromForm(
      user.id,
      inPersonInput({ company: 'Earlier Ltd', date: '2027-04-01', timeZone: 'America/New_York' }),
    );
    await changeInterviewStatus(user.id, later.id, 'COMPLETED');
    await changeInterviewStatus(user.id, later.id, 'MISSED');
    await createInterviewFromForm(other.id, { company: 'Not mine' });

    const csv = await exportInterviewsCsv(user.id);

    expect(parseCsv(csv)[0]).toEqual(HEADERS);
    const rows = csvRows(csv);
    expect(rows.map((row) => row.Company)).toEqual(['Earlier Ltd', 'Later Ltd']);
    const [first, second] = rows;
    expect(first).toMatchObject({
      'Time zone': 'America/New_York',
      'Start (UTC)': '2027-04-01T14:00:00.000Z',
      'Duration (min)': '60',
      Format: 'In person',
      Status: 'Scheduled',
      Address: '1 High Street, London',
      'Travel (min)': '40',
      'Buffer (min)': '10',
      'Status history': '',
    });
    expect(first?.['Start (local)']).toContain('10:00');
    expect(second?.Status).toBe('Missed');
    const history = (second?.['Status history'] ?? '').split('\n');
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z Scheduled → Completed$/);
    expect(history[1]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z Completed → Missed$/);
  });

  it('neutralises text a spreadsheet would run as a formula', async () => {
    const user = await createTestUser();
    await createInterviewFromForm(user.id, {
      company: '=HYPERLINK("http://evil.example/steal","Click for details")',
      roleTitle: '+cmd|" /C calc"!A0',
      contactName: '@SUM(1+1)',
      notes: '-2+3',
    });

    const csv = await exportInterviewsCsv(user.id);
    const [row] = csvRows(csv);

    expect(row).toMatchObject({
      Company: `'=HYPERLINK("http://evil.example/steal","Click for details")`,
      Role: `'+cmd|" /C calc"!A0`,
      Contact: "'@SUM(1+1)",
      Notes: "'-2+3",
    });
    // No record line of the file starts a cell with a formula trigger.
    expect(csv).not.toMatch(/(^|,|\r\n)"?[=+@-]/);
  });

  it('round-trips quotes, commas and newlines', async () => {
    const user = await createTestUser();
    const notes = 'Ask about "on-call", the team, and pay.\nSecond line, with a comma\r\nThird line "quoted"';
    await createInterviewFromForm(user.id, { company: 'Smith, Jones & "Partners"', contactName: "O'Neil, Pat", notes });

    const [row] = csvRows(await exportInterviewsCsv(user.id));

    expect(row?.Company).toBe('Smith, Jones & "Partners"');
    expect(row?.Contact).toBe("O'Neil, Pat");
    expect(row?.Notes).toBe(notes);
  });

  it('is just the header for a user with no interviews', async () => {
    const user = await createTestUser();
    expect(parseCsv(await exportInterviewsCsv(user.id))).toEqual([HEADERS]);
  });
});

describe('calendar files', () => {
  it('an interview’s .ics has its UID, start, end and the day-before and two-hour alarms', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, {
      company: 'Acme Ltd',
      date: '2027-03-10',
      startTime: '10:00',
      endTime: '10:45',
      timeZone: 'Europe/London',
    });

    const { filename, body } = await buildInterviewIcs(user.id, row.id, APP_URL);

    expect(filename).toBe('interview-acme-ltd.ics');
    const lines = icsLines(body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain(`UID:${row.id}@rebound`);
    expect(lines).toContain('DTSTART;TZID=Europe/London:20270310T100000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20270310T104500');
    expect(lines).toContain(`URL;VALUE=URI:${APP_URL}/interviews/${row.id}`);
    expect(lines.filter((line) => line === 'BEGIN:VALARM')).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('TRIGGER')).sort()).toEqual(['TRIGGER:-P1D', 'TRIGGER:-PT2H']);
  });

  it('a lesson about forgetting adds an extra reminder the evening before', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, {
      company: 'Acme Ltd',
      date: '2027-03-10',
      startTime: '10:00',
      endTime: '10:45',
      timeZone: 'UTC',
    });
    await db.user.update({ where: { id: user.id }, data: { timeZone: 'UTC' } });
    await db.lesson.create({
      data: {
        userId: user.id,
        rootCause: 'FORGOT',
        whatHappened: 'It slipped my mind',
        actions: { create: [{ text: 'Two reminders' }] },
      },
    });

    const lines = icsLines((await buildInterviewIcs(user.id, row.id, APP_URL)).body);

    // 18:00 the evening before a 10:00 start.
    expect(lines.filter((line) => line.startsWith('TRIGGER')).sort()).toEqual([
      'TRIGGER:-P1D',
      'TRIGGER:-PT16H',
      'TRIGGER:-PT2H',
    ]);
    expect(lines.some((line) => line.startsWith('DESCRIPTION:Reminder from your lessons'))).toBe(true);
  });

  it('an in-person interview’s alarms ring before its leave-by time', async () => {
    const user = await createTestUser();
    // 10:00Z − 15 min early − 10 min buffer − 40 min travel = leave by 08:55Z.
    const row = await createInterviewFromForm(
      user.id,
      inPersonInput({ date: '2027-03-10', startTime: '10:00', timeZone: 'UTC' }),
    );

    const lines = icsLines((await buildInterviewIcs(user.id, row.id, APP_URL)).body);

    // 08:25 and 08:55, relative to the 10:00 start.
    expect(lines.filter((line) => line.startsWith('TRIGGER')).sort()).toEqual([
      'TRIGGER:-P1D',
      'TRIGGER:-PT1H35M',
      'TRIGGER:-PT1H5M',
    ]);
    expect(lines).toContain('LOCATION:1 High Street\\, London');
  });
});

describe('the calendar feed', () => {
  async function seedFeedOwner() {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const now = Date.now();
    await insertInterviews(user.id, [
      { scheduledStart: new Date(now + 2 * DAY_MS), company: 'Upcoming scheduled' },
      { scheduledStart: new Date(now + 3 * DAY_MS), company: 'Upcoming cancelled', status: 'CANCELLED' },
      { scheduledStart: new Date(now + 4 * DAY_MS), company: 'Upcoming withdrawn', status: 'WITHDRAWN' },
      { scheduledStart: new Date(now - 40 * DAY_MS), company: 'Long past' },
    ]);
    await insertInterviews(other.id, [{ scheduledStart: new Date(now + 2 * DAY_MS), company: 'Someone else' }]);
    const rows = await db.interview.findMany({
      where: { userId: { in: [user.id, other.id] } },
      select: { id: true, company: true },
    });
    const idOf = (company: string) => rows.find((row) => row.company === company)?.id ?? '';
    return { user, other, idOf };
  }

  const upcoming = ['Upcoming scheduled', 'Upcoming cancelled', 'Upcoming withdrawn'];
  const uids = (feed: string | null) => icsLines(feed ?? '').filter((line) => line.startsWith('UID:'));

  it('holds only that user’s upcoming interviews, the called-off ones marked cancelled', async () => {
    const { user, other, idOf } = await seedFeedOwner();
    const token = await getCalendarFeedToken(user.id);

    const feed = await buildCalendarFeed(token, APP_URL);

    expect(uids(feed)).toEqual(upcoming.map((company) => `UID:${idOf(company)}@rebound`));
    expect(icsLines(feed ?? '').filter((line) => line.startsWith('STATUS:'))).toEqual([
      'STATUS:CONFIRMED',
      'STATUS:CANCELLED',
      'STATUS:CANCELLED',
    ]);
    expect(feed).not.toContain('Someone else');
    // The other user's feed is their own.
    expect(uids(await buildCalendarFeed(await getCalendarFeedToken(other.id), APP_URL))).toEqual([
      `UID:${idOf('Someone else')}@rebound`,
    ]);
  });

  it('keeps the same token until it is regenerated; then the old one stops working', async () => {
    const { user, idOf } = await seedFeedOwner();
    const original = await getCalendarFeedToken(user.id);
    expect(await getCalendarFeedToken(user.id)).toBe(original);
    expect(original).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const renewed = await regenerateCalendarFeedToken(user.id);

    expect(renewed).not.toBe(original);
    expect(await buildCalendarFeed(original, APP_URL)).toBeNull();
    expect(uids(await buildCalendarFeed(renewed, APP_URL))).toEqual(
      upcoming.map((company) => `UID:${idOf(company)}@rebound`),
    );
    expect(await getCalendarFeedToken(user.id)).toBe(renewed);
  });

  it.each([
    ['empty', ''],
    ['too short', 'abc'],
    ['a path', '../../etc/passwd'],
    ['too long', 'a'.repeat(65)],
    ['SQL', "' OR '1'='1' -- aaaaaaaaaaaaaa"],
    ['well-formed but unknown', randomBytes(24).toString('base64url')],
  ])('a token that is %s answers null', async (_label, token) => {
    await seedFeedOwner();
    expect(await buildCalendarFeed(token, APP_URL)).toBeNull();
  });
});

describe('route handlers', () => {
  const icsRequest = (id: string) =>
    interviewIcsGet(new Request(`http://test/api/interviews/${id}/ics`), { params: Promise.resolve({ id }) });

  it('CSV export: 401 signed out, the signed-in user’s CSV otherwise', async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    await createInterviewFromForm(user.id, { company: 'Mine' });
    await createInterviewFromForm(other.id, { company: 'Theirs' });

    signInAs(null);
    const signedOut = await exportCsvGet(new Request(EXPORT_URL));
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: 'Sign in to export your interviews.' });

    signInAs(user);
    const response = await exportCsvGet(new Request(EXPORT_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rebound-interviews-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(csvRows(await response.text()).map((row) => row.Company)).toEqual(['Mine']);
  });

  it('.ics download: 401 signed out, 404 for another user’s or a missing id, the file for the owner', async () => {
    const [owner, intruder] = await Promise.all([createTestUser(), createTestUser()]);
    const row = await createInterviewFromForm(owner.id, { company: 'Acme Ltd' });

    signInAs(null);
    expect((await icsRequest(row.id)).status).toBe(401);

    signInAs(intruder);
    const theirs = await icsRequest(row.id);
    const missing = await icsRequest('cnotarealid000000000000000');
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());

    signInAs(owner);
    const response = await icsRequest(row.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="interview-acme-ltd.ics"');
    expect(icsLines(await response.text())).toContain(`UID:${row.id}@rebound`);
  });

  it('calendar feed: the token (with or without .ics) is the credential; unknown or revoked tokens are 404', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, {
      date: new Date(Date.now() + 3 * DAY_MS).toISOString().slice(0, 10),
      timeZone: 'UTC',
    });
    const token = await getCalendarFeedToken(user.id);
    const feedRequest = (value: string) =>
      calendarFeedGet(new Request(`http://test/api/calendar/${value}`), { params: Promise.resolve({ token: value }) });

    const response = await feedRequest(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(icsLines(await response.text())).toContain(`UID:${row.id}@rebound`);
    expect((await feedRequest(token)).status).toBe(200);

    await regenerateCalendarFeedToken(user.id);
    expect((await feedRequest(`${token}.ics`)).status).toBe(404);
    expect((await feedRequest('not-a-token')).status).toBe(404);
  });
});

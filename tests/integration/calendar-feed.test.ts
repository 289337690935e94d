// The subscribed feed and the .ics download as a calendar app sees them after the interview
// changes: fetched through the route handlers, read with a real iCalendar parser.
import { randomUUID } from 'node:crypto';
import { GET as calendarFeedGet } from '@/app/api/calendar/[token]/route';
import { GET as interviewIcsGet } from '@/app/api/interviews/[id]/ics/route';
import { getDb } from '@/lib/db';
import { SECOND_CHANCE_TIP } from '@/lib/domain/calendar';
import { getAppUrl } from '@/lib/request';
import { countFeeds } from '@/lib/server/interviews/stream-calendar-feed';
import { buildCalendarFeed } from '@/lib/server/interviews/write-calendar-feed';
import { getCalendarFeedToken } from '@/lib/server/interviews/get-calendar-feed-token';
import { changeInterviewStatus } from '@/lib/server/interviews/change-interview-status';
import { rescheduleByEmployer } from '@/lib/server/interviews/reschedule-by-employer';
import { updateInterview } from '@/lib/server/interviews/update-interview';
import { startRecovery } from '@/lib/server/recovery/start-recovery';
import { parseCalendar, type ParsedEvent } from '@/tests/support/ical';
import { createTestInterview, createTestUser } from './support/factories';
import {
  createInterviewFromForm,
  DAY_MS,
  HOUR_MS,
  insertInterviews,
  interviewInput,
  parseInterviewForm,
} from './support/interview-fixtures';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);

// Each test runs several transactions; a busy machine can take longer than jest's default.
jest.setTimeout(20_000);

const db = getDb();
afterAll(() => db.$disconnect());

async function fetchFeed(token: string) {
  const response = await calendarFeedGet(new Request(`http://test/api/calendar/${token}.ics`), {
    params: Promise.resolve({ token: `${token}.ics` }),
  });
  expect(response.status).toBe(200);
  return parseCalendar(await response.text());
}

async function fetchIcs(id: string) {
  const response = await interviewIcsGet(new Request(`http://test/api/interviews/${id}/ics`), {
    params: Promise.resolve({ id }),
  });
  expect(response.status).toBe(200);
  return parseCalendar(await response.text());
}

function eventFor(events: readonly ParsedEvent[], id: string): ParsedEvent {
  const event = events.find((candidate) => candidate.uid === `${id}@rebound`);
  if (!event) throw new Error(`no event for ${id}`);
  return event;
}

const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('the calendar feed after changes', () => {
  it('keeps the UID and raises SEQUENCE on an edit and on cancelling, which it marks STATUS:CANCELLED', async () => {
    const user = await createTestUser();
    const form = { date: inDays(10), startTime: '10:00', endTime: '11:00', timeZone: 'America/New_York' };
    const row = await createInterviewFromForm(user.id, form);
    const token = await getCalendarFeedToken(user.id);

    const before = eventFor((await fetchFeed(token)).events, row.id);
    expect(before).toMatchObject({ sequence: 0, status: 'CONFIRMED', startZone: 'America/New_York' });
    expect(before.startLocal.slice(11)).toBe('10:00:00');

    await updateInterview(
      user.id,
      row.id,
      parseInterviewForm(interviewInput({ ...form, startTime: '14:30', endTime: '15:30' })),
    );
    const edited = eventFor((await fetchFeed(token)).events, row.id);
    expect(edited.uid).toBe(before.uid);
    expect(edited.sequence).toBeGreaterThan(before.sequence);
    expect(edited.startLocal.slice(11)).toBe('14:30:00');
    expect(edited.start.getTime() - before.start.getTime()).toBe(4.5 * HOUR_MS);

    await changeInterviewStatus(user.id, row.id, 'CANCELLED');
    const cancelled = eventFor((await fetchFeed(token)).events, row.id);
    expect(cancelled.uid).toBe(before.uid);
    expect(cancelled.sequence).toBeGreaterThan(edited.sequence);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.alarms).toEqual([]);
  });

  it('leaves SEQUENCE alone when a save changes nothing', async () => {
    const user = await createTestUser();
    const form = { date: inDays(10), startTime: '10:00', endTime: '11:00' };
    const row = await createInterviewFromForm(user.id, form);
    const token = await getCalendarFeedToken(user.id);

    await updateInterview(user.id, row.id, parseInterviewForm(interviewInput(form)));

    expect(eventFor((await fetchFeed(token)).events, row.id).sequence).toBe(0);
  });

  it('on a reschedule by the employer, moves its one event: the same UID, a higher SEQUENCE, the new time', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, {
      date: inDays(5),
      startTime: '09:00',
      endTime: '10:00',
      timeZone: 'Europe/London',
    });
    const token = await getCalendarFeedToken(user.id);
    const before = eventFor((await fetchFeed(token)).events, row.id);

    const { id: newId } = await rescheduleByEmployer(user.id, row.id, inDays(8), '11:00');
    const { events } = await fetchFeed(token);

    // The new slot under the old slot's UID; the old slot is not sent beside it.
    expect(events.filter((event) => event.uid === before.uid)).toHaveLength(1);
    const moved = eventFor(events, row.id);
    expect(moved).toMatchObject({
      status: 'CONFIRMED',
      startZone: 'Europe/London',
      startLocal: `${inDays(8)}T11:00:00`,
    });
    expect(moved.sequence).toBeGreaterThan(before.sequence);
    expect(moved.description).toContain(`/interviews/${newId}`);
    expect(events.some((event) => event.uid === `${newId}@rebound`)).toBe(false);
  });

  it('raises SEQUENCE when a recovery marks the interview missed', async () => {
    const user = await createTestUser();
    const interview = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 2 * HOUR_MS) });
    const token = await getCalendarFeedToken(user.id);
    const before = eventFor((await fetchFeed(token)).events, interview.id);

    await startRecovery(user.id, {
      interviewId: interview.id,
      kind: 'MISSED',
      reason: 'FORGOT',
      employerWarned: false,
      idempotencyKey: randomUUID(),
    });

    expect(eventFor((await fetchFeed(token)).events, interview.id).sequence).toBeGreaterThan(before.sequence);
  });

  it('has the same UID and SEQUENCE in the feed and the download, and asks to be refreshed hourly', async () => {
    const user = await createTestUser();
    const form = { date: inDays(4) };
    const row = await createInterviewFromForm(user.id, form);
    await updateInterview(user.id, row.id, parseInterviewForm(interviewInput({ ...form, company: 'Acme Holdings' })));
    const token = await getCalendarFeedToken(user.id);

    signInAs(user);
    const download = await fetchIcs(row.id);
    const feed = await fetchFeed(token);

    const [fromFile] = download.events;
    const fromFeed = eventFor(feed.events, row.id);
    expect(fromFile?.uid).toBe(fromFeed.uid);
    expect(fromFile?.sequence).toBe(fromFeed.sequence);
    expect(fromFeed.sequence).toBeGreaterThan(0);
    expect(feed).toMatchObject({ name: 'Rebound interviews', refreshInterval: 'PT1H', publishedTtl: 'PT1H' });
  });
});

describe('the second chance in the calendar', () => {
  async function seedSecondChance() {
    const user = await createTestUser({ timeZone: 'UTC' });
    const missed = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 3 * DAY_MS) });
    await db.missedIncident.create({ data: { userId: user.id, interviewId: missed.id, reason: 'FORGOT' } });
    await db.interview.update({ where: { id: missed.id }, data: { status: 'RESCHEDULED' } });
    // The lesson from the miss asks for an extra reminder the evening before.
    await db.lesson.create({
      data: {
        userId: user.id,
        rootCause: 'FORGOT',
        whatHappened: 'I missed it: it slipped my mind',
        actions: { create: [{ text: 'Two reminders' }] },
      },
    });
    const second = await createInterviewFromForm(user.id, {
      date: inDays(6),
      startTime: '10:00',
      endTime: '11:00',
      timeZone: 'UTC',
    });
    await db.interview.update({ where: { id: second.id }, data: { rescheduledFromId: missed.id } });
    return { user, second };
  }

  const textsOf = (event: ParsedEvent) => [
    event.summary,
    event.description,
    ...event.alarms.map((alarm) => alarm.description),
  ];

  it('never refers to the miss in the download or the feed, and says to arrive early and thank them', async () => {
    const { user, second } = await seedSecondChance();
    signInAs(user);
    const fromFile = eventFor((await fetchIcs(second.id)).events, second.id);
    const fromFeed = eventFor((await fetchFeed(await getCalendarFeedToken(user.id))).events, second.id);

    for (const event of [fromFile, fromFeed]) {
      // The day before, the lesson's evening reminder, and two hours before.
      expect(event.alarms).toHaveLength(3);
      for (const text of textsOf(event))
        expect(text).not.toMatch(/miss|lesson|apolog|sorry|again|second chance|reschedul/i);
      expect(event.description.split('\n')).toContain(SECOND_CHANCE_TIP);
      expect(event.alarms.filter((alarm) => alarm.description.includes(SECOND_CHANCE_TIP))).toHaveLength(2);
    }
  });
});

describe('what the feed covers', () => {
  it('carries every future interview and the last 30 days, however many there are, with the reminder lessons turn on', async () => {
    const user = await createTestUser({ timeZone: 'UTC' });
    const days = [-40, -20, ...Array.from({ length: 600 }, (_, index) => 1 + index / 10)];
    await insertInterviews(
      user.id,
      days.map((day) => ({ scheduledStart: new Date(Date.now() + day * DAY_MS) })),
    );
    // Many lessons about forgetting, some of them habits now: one extra reminder per interview all the same.
    for (let index = 0; index < 30; index += 1) {
      await db.lesson.create({
        data: {
          userId: user.id,
          rootCause: 'FORGOT',
          whatHappened: `Forgot ${index}`,
          actions: { create: [{ text: 'Two alarms', retiredAt: index % 2 ? new Date() : null }] },
        },
      });
    }
    const { events } = await fetchFeed(await getCalendarFeedToken(user.id));
    const starts = events.map((event) => event.start.getTime()).sort((a, b) => a - b);
    expect(events).toHaveLength(601);
    expect(starts[0]).toBeGreaterThan(Date.now() - 21 * DAY_MS);
    expect(starts.at(-1)).toBeGreaterThan(Date.now() + 60 * DAY_MS);
    const last = events.find((event) => event.start.getTime() === starts.at(-1));
    expect(last?.alarms.filter((alarm) => alarm.description.startsWith('Reminder from your lessons'))).toHaveLength(1);
  });

  it('sends a large feed in pieces as it writes them, the same text as the whole feed', async () => {
    const user = await createTestUser({ timeZone: 'UTC' });
    await insertInterviews(
      user.id,
      Array.from({ length: 450 }, (_, index) => ({ scheduledStart: new Date(Date.now() + (1 + index / 10) * DAY_MS) })),
    );
    const token = await getCalendarFeedToken(user.id);
    const response = await calendarFeedGet(new Request(`http://test/api/calendar/${token}.ics`), {
      params: Promise.resolve({ token: `${token}.ics` }),
    });
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(chunks.length).toBeGreaterThan(2);
    // DTSTAMP is when each copy was written.
    const withoutStamps = (text: string) => text.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP');
    const streamed = Buffer.concat(chunks).toString('utf8');
    expect(withoutStamps(streamed)).toBe(withoutStamps((await buildCalendarFeed(token, getAppUrl()))!));
    expect(parseCalendar(streamed).events).toHaveLength(450);
  });

  it('writes two feeds at once; a third is read only once one of them is done, and a client that leaves frees its turn', async () => {
    const user = await createTestUser({ timeZone: 'UTC' });
    await insertInterviews(
      user.id,
      Array.from({ length: 5 }, (_, index) => ({ scheduledStart: new Date(Date.now() + (1 + index) * DAY_MS) })),
    );
    const token = await getCalendarFeedToken(user.id);
    const get = (signal?: AbortSignal) =>
      calendarFeedGet(new Request(`http://test/api/calendar/${token}.ics`, { signal }), {
        params: Promise.resolve({ token: `${token}.ics` }),
      });
    const leaving = new AbortController();
    const first = await get();
    await get(leaving.signal);
    let thirdOpened = false;
    const third = get().then((response) => {
      thirdOpened = true;
      return response;
    });
    for (let tries = 0; countFeeds().waiting === 0 && tries < 100; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(countFeeds()).toEqual({ open: 2, waiting: 1 });
    expect(thirdOpened).toBe(false);

    expect(parseCalendar(await first.text()).events).toHaveLength(5);
    const thirdText = (await third).text();
    expect(countFeeds()).toEqual({ open: 2, waiting: 0 });
    leaving.abort();
    expect(parseCalendar(await thirdText).events).toHaveLength(5);
    expect(countFeeds()).toEqual({ open: 0, waiting: 0 });
  });

  it('passes the turn of a client that left while waiting in line straight on', async () => {
    const user = await createTestUser({ timeZone: 'UTC' });
    await insertInterviews(user.id, [{ scheduledStart: new Date(Date.now() + DAY_MS) }]);
    const token = await getCalendarFeedToken(user.id);
    const get = (signal?: AbortSignal) =>
      calendarFeedGet(new Request(`http://test/api/calendar/${token}.ics`, { signal }), {
        params: Promise.resolve({ token: `${token}.ics` }),
      });
    const first = await get();
    const second = await get();
    const leaving = new AbortController();
    const left = get(leaving.signal);
    for (let tries = 0; countFeeds().waiting === 0 && tries < 100; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    leaving.abort();
    expect(parseCalendar(await first.text()).events).toHaveLength(1);
    await left;
    expect(countFeeds()).toEqual({ open: 1, waiting: 0 });
    expect(parseCalendar(await second.text()).events).toHaveLength(1);
    expect(countFeeds()).toEqual({ open: 0, waiting: 0 });
  });
});

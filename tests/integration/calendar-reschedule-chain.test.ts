// One calendar entry per meeting across its reschedules: every path that moves an interview
// keeps the UID calendars hold, raises its SEQUENCE and moves its reminders in the same
// transaction; the feed and the downloads, read with a real iCalendar parser, show one event.
import { randomUUID } from 'node:crypto';
import { GET as calendarFeedGet } from '@/app/api/calendar/[token]/route';
import { POST as calendarImportPost } from '@/app/api/imports/calendar/route';
import { GET as interviewIcsGet } from '@/app/api/interviews/[id]/ics/route';
import { getDb } from '@/lib/db';
import { utcToZonedLocal } from '@/lib/domain/time';
import { NotFoundError } from '@/lib/errors';
import { applyInvitationUpdate } from '@/lib/server/imports/apply-invitation-update';
import { getCalendarFeedToken } from '@/lib/server/interviews/get-calendar-feed-token';
import { buildCalendarFeed } from '@/lib/server/interviews/write-calendar-feed';
import { rescheduleByEmployer } from '@/lib/server/interviews/reschedule-by-employer';
import { updateInterview } from '@/lib/server/interviews/update-interview';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';
import { approveDraft } from '@/lib/server/recovery/approve-draft';
import { confirmManualSend } from '@/lib/server/recovery/confirm-manual-send';
import { recordCall } from '@/lib/server/recovery/record-call';
import { recordOutcome } from '@/lib/server/recovery/record-outcome';
import { sendMessage } from '@/lib/server/recovery/send-message';
import { startRecovery } from '@/lib/server/recovery/start-recovery';
import { parseCalendar, type ParsedEvent } from '@/tests/support/ical';
import { createTestInterview, createTestUser } from './support/factories';
import { createInterviewFromForm, DAY_MS, interviewInput, parseInterviewForm } from './support/interview-fixtures';
import { withOutboxForFile } from './support/outbox';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

// Each test runs several transactions; a busy machine can take longer than jest's default.
jest.setTimeout(30_000);

// The apology of the second-chance flow goes to an outbox, not to SMTP.
withOutboxForFile('rebound-calendar-chain-outbox');

const db = getDb();
const APP = 'http://rebound.test';
afterAll(() => db.$disconnect());

const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

async function fetchFeed(userId: string) {
  const token = await getCalendarFeedToken(userId);
  const response = await calendarFeedGet(new Request(`${APP}/api/calendar/${token}.ics`), {
    params: Promise.resolve({ token: `${token}.ics` }),
  });
  expect(response.status).toBe(200);
  return parseCalendar(await response.text()).events;
}

/** The download of one interview's .ics as the signed-in user gets it. */
async function fetchIcs(id: string) {
  const response = await interviewIcsGet(new Request(`${APP}/api/interviews/${id}/ics`), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, events: response.ok ? parseCalendar(await response.text()).events : [] };
}

function only(events: readonly ParsedEvent[], uid: string): ParsedEvent {
  const matching = events.filter((event) => event.uid === `${uid}@rebound`);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

/** The start times of an interview's reminders still to be sent. */
async function pendingReminders(interviewId: string) {
  const rows = await db.reminder.findMany({
    where: { interviewId, state: 'SCHEDULED' },
    orderBy: { dueAt: 'asc' },
    select: { dueAt: true },
  });
  return rows.map((row) => row.dueAt.getTime());
}

async function createUpcoming(userId: string, days = 5) {
  return createInterviewFromForm(userId, {
    date: inDays(days),
    startTime: '09:00',
    endTime: '10:00',
    timeZone: 'Europe/London',
  });
}

describe('an edit of the time', () => {
  it('keeps the UID, raises SEQUENCE and moves the reminders', async () => {
    const user = signInAs(await createTestUser());
    const form = { date: inDays(6), startTime: '09:00', endTime: '10:00', timeZone: 'Europe/London' };
    const row = await createInterviewFromForm(user.id, form);
    const before = only(await fetchFeed(user.id), row.id);
    const remindersBefore = await pendingReminders(row.id);
    expect(remindersBefore.length).toBeGreaterThan(0);

    await updateInterview(
      user.id,
      row.id,
      parseInterviewForm(interviewInput({ ...form, startTime: '15:00', endTime: '16:00' })),
    );

    const after = only(await fetchFeed(user.id), row.id);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.startLocal).toBe(`${form.date}T15:00:00`);
    const [download] = (await fetchIcs(row.id)).events;
    expect(download).toMatchObject({ uid: after.uid, sequence: after.sequence });
    // The reminders moved with it: already what the new time asks for, a fresh sync changes nothing.
    const remindersAfter = await pendingReminders(row.id);
    expect(remindersAfter.length).toBeGreaterThan(0);
    expect(remindersAfter).not.toEqual(remindersBefore);
    await db.$transaction((tx) => syncInterviewReminders(tx, user.id, row.id));
    expect(await pendingReminders(row.id)).toEqual(remindersAfter);
  });
});

describe('a reschedule by the employer', () => {
  it("gives the new slot the old slot's UID and a higher SEQUENCE, in the feed and in both downloads", async () => {
    const user = signInAs(await createTestUser());
    const row = await createUpcoming(user.id);
    const oldFile = (await fetchIcs(row.id)).events[0]!;
    const oldReminders = await pendingReminders(row.id);
    expect(oldReminders.length).toBeGreaterThan(0);

    const { id: newId } = await rescheduleByEmployer(user.id, row.id, inDays(9), '14:00');

    const [old, replacement] = await Promise.all([
      db.interview.findUniqueOrThrow({ where: { id: row.id } }),
      db.interview.findUniqueOrThrow({ where: { id: newId } }),
    ]);
    expect(old).toMatchObject({ status: 'RESCHEDULED', calendarUid: null });
    expect(replacement).toMatchObject({ calendarUid: row.id, calendarSequence: old.calendarSequence + 1 });

    const event = only(await fetchFeed(user.id), row.id);
    expect(event).toMatchObject({ status: 'CONFIRMED', sequence: replacement.calendarSequence });
    expect(event.startLocal).toBe(`${inDays(9)}T14:00:00`);

    // A calendar that imported the old slot's file by hand takes the new one in its place.
    const newFile = (await fetchIcs(newId)).events[0]!;
    expect(newFile.uid).toBe(oldFile.uid);
    expect(newFile.sequence).toBeGreaterThan(oldFile.sequence);
    expect(newFile.start).toEqual(replacement.scheduledStart);
    // The old slot's link gives the meeting as it now stands, never a copy that would cancel it.
    expect((await fetchIcs(row.id)).events).toEqual([newFile]);

    // The reminders left the old slot and wait for the new one.
    expect(await pendingReminders(row.id)).toEqual([]);
    const newReminders = await pendingReminders(newId);
    expect(newReminders.length).toBeGreaterThan(0);
    expect(Math.min(...newReminders)).toBeGreaterThan(Math.max(...oldReminders));
  });

  it('writes nothing when the move cannot be completed: status, SEQUENCE and reminders stay', async () => {
    const user = await createTestUser();
    const row = await createUpcoming(user.id);
    const reminders = await db.reminder.findMany({ where: { interviewId: row.id }, orderBy: { id: 'asc' } });
    // A reminder for any other interview of this user fails: the new slot's, the last write of the move.
    const name = `fail_reminders_${user.id.replace(/\W/g, '')}`;
    await db.$executeRawUnsafe(`
      CREATE FUNCTION ${name}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'reminders unavailable'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER ${name} BEFORE INSERT ON "Reminder" FOR EACH ROW
        WHEN (NEW."userId" = '${user.id}' AND NEW."interviewId" <> '${row.id}') EXECUTE FUNCTION ${name}()`);
    try {
      await expect(rescheduleByEmployer(user.id, row.id, inDays(9), '14:00')).rejects.toThrow(/reminders unavailable/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "Reminder"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    }
    expect(await db.interview.findMany({ where: { userId: user.id } })).toEqual([row]);
    expect(await db.reminder.findMany({ where: { interviewId: row.id }, orderBy: { id: 'asc' } })).toEqual(reminders);
  });
});

describe('a chain of three slots', () => {
  it("is one event in its user's feed, and nothing in another user's feed or downloads", async () => {
    const user = signInAs(await createTestUser());
    const first = await createUpcoming(user.id);
    const other = await createUpcoming(user.id, 7);
    const { id: secondId } = await rescheduleByEmployer(user.id, first.id, inDays(8), '10:00');
    const { id: thirdId } = await rescheduleByEmployer(user.id, secondId, inDays(11), '16:30');

    const slots = await db.interview.findMany({
      where: { id: { in: [first.id, secondId, thirdId] } },
      select: { id: true, calendarUid: true, calendarSequence: true },
    });
    const byId = new Map(slots.map((slot) => [slot.id, slot]));
    const sequences = [first.id, secondId, thirdId].map((id) => byId.get(id)!.calendarSequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(new Set(sequences).size).toBe(3);
    expect([byId.get(secondId)?.calendarUid, byId.get(thirdId)?.calendarUid]).toEqual([first.id, first.id]);

    const events = await fetchFeed(user.id);
    expect(events.map((event) => event.uid).sort()).toEqual([`${first.id}@rebound`, `${other.id}@rebound`].sort());
    expect(only(events, first.id)).toMatchObject({
      sequence: sequences[2],
      status: 'CONFIRMED',
      startLocal: `${inDays(11)}T16:30:00`,
    });
    for (const id of [first.id, secondId, thirdId]) {
      expect((await fetchIcs(id)).events.map((event) => [event.uid, event.sequence])).toEqual([
        [`${first.id}@rebound`, sequences[2]],
      ]);
    }

    const stranger = signInAs(await createTestUser());
    await createUpcoming(stranger.id);
    const theirs = await fetchFeed(stranger.id);
    expect(theirs).toHaveLength(1);
    expect(theirs.some((event) => event.uid === `${first.id}@rebound`)).toBe(false);
    for (const id of [first.id, secondId, thirdId]) expect((await fetchIcs(id)).status).toBe(404);
    await expect(rescheduleByEmployer(stranger.id, thirdId, inDays(12), '10:00')).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(4);
  });
});

describe('a slot moved earlier, once the new slot has left the feed', () => {
  it('sends nothing for the meeting: the old slot, still in the window, is not sent under its UID', async () => {
    const user = await createTestUser();
    const row = await createUpcoming(user.id, 10);
    const { id: newId } = await rescheduleByEmployer(user.id, row.id, inDays(2), '09:00');
    const token = await getCalendarFeedToken(user.id);
    const now = new Date(Date.now() + 33 * DAY_MS);

    const feed = await buildCalendarFeed(token, APP, now);

    const events = parseCalendar(feed ?? '').events;
    expect(events).toEqual([]);
    // While the new slot is in the window it is the one sent.
    const today = parseCalendar((await buildCalendarFeed(token, APP)) ?? '').events;
    expect(today.map((event) => [event.uid, event.start.getTime()])).toEqual([
      [`${row.id}@rebound`, (await db.interview.findUniqueOrThrow({ where: { id: newId } })).scheduledStart.getTime()],
    ]);
  });
});

describe('a second chance after a miss', () => {
  it('takes the missed interview’s UID with a higher SEQUENCE, and the reminders go to the new slot', async () => {
    const user = signInAs(await createTestUser({ name: 'Sam Carter' }));
    const missed = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 2 * 3_600_000) });
    await db.interview.update({ where: { id: missed.id }, data: { contactEmail: 'priya@acme.test' } });
    const { incidentId } = await startRecovery(user.id, {
      interviewId: missed.id,
      kind: 'MISSED',
      reason: 'TRAFFIC_TRANSPORT',
      employerWarned: false,
      idempotencyKey: randomUUID(),
    });
    await recordCall(user.id, { incidentId, result: 'REACHED', response: 'WILL_GET_BACK', note: 'They will check.' });
    await approveDraft(user.id, { incidentId });
    const apology = await db.message.findFirstOrThrow({ where: { incidentId, kind: 'APOLOGY' } });
    await sendMessage(user.id, {
      messageId: apology.id,
      recipient: 'priya@acme.test',
      subject: apology.subject ?? 'Apology',
      body: apology.body,
      idempotencyKey: randomUUID(),
    });
    await confirmManualSend(user.id, { messageId: apology.id });
    const beforeFile = (await fetchIcs(missed.id)).events[0]!;

    const newStartLocal = utcToZonedLocal(new Date(Date.now() + 6 * DAY_MS), 'Europe/London');
    const result = await recordOutcome(user.id, {
      incidentId,
      answer: 'ACCEPTED',
      newStartLocal,
      timeZone: 'Europe/London',
    });
    if (result.answer !== 'ACCEPTED') throw new Error('Expected the accepted outcome.');

    const [old, replacement] = await Promise.all([
      db.interview.findUniqueOrThrow({ where: { id: missed.id } }),
      db.interview.findUniqueOrThrow({ where: { id: result.newInterviewId } }),
    ]);
    expect(old.status).toBe('RESCHEDULED');
    // Above the missed slot's SEQUENCE after its own change to rescheduled, which came last.
    expect(replacement).toMatchObject({ calendarUid: missed.id, calendarSequence: old.calendarSequence + 1 });
    const event = only(await fetchFeed(user.id), missed.id);
    expect(event).toMatchObject({ status: 'CONFIRMED', sequence: replacement.calendarSequence });
    expect(event.start).toEqual(replacement.scheduledStart);
    expect(event.sequence).toBeGreaterThan(beforeFile.sequence);
    const [download] = (await fetchIcs(replacement.id)).events;
    expect(download).toMatchObject({ uid: event.uid, sequence: event.sequence, start: event.start });
    expect(await pendingReminders(missed.id)).toEqual([]);
    expect((await pendingReminders(replacement.id)).length).toBeGreaterThan(0);
  });
});

describe("the employer's updated invitation for a rescheduled slot", () => {
  it('moves the slot in place under the chain’s UID, with a higher SEQUENCE and its reminders', async () => {
    const user = signInAs(await createTestUser({ timeZone: 'Europe/Berlin' }));
    const uid = `invite-${randomUUID()}`;
    const row = await createUpcoming(user.id);
    await db.interview.update({ where: { id: row.id }, data: { invitationUid: uid, invitationSequence: 0 } });
    const { id: newId } = await rescheduleByEmployer(user.id, row.id, inDays(20), '10:00');
    const before = only(await fetchFeed(user.id), row.id);
    const remindersBefore = await pendingReminders(newId);

    const date = inDays(21).replaceAll('-', '');
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Example Corp//Calendar//EN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'SEQUENCE:1',
      'DTSTAMP:20261201T090000Z',
      `DTSTART:${date}T130000Z`,
      'DURATION:PT45M',
      'SUMMARY:Interview',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const answer = await calendarImportPost(
      new Request(`${APP}/api/imports/calendar?name=invite.ics`, {
        method: 'POST',
        headers: { origin: APP, 'sec-fetch-site': 'same-origin', 'content-type': 'text/calendar' },
        body: text,
      }),
    );
    expect(answer.status).toBe(201);
    const { id: importId } = (await answer.json()) as { id: string };

    await expect(applyInvitationUpdate(user.id, importId, uid)).resolves.toMatchObject({ id: newId });

    const moved = await db.interview.findUniqueOrThrow({ where: { id: newId } });
    expect(moved).toMatchObject({ calendarUid: row.id, scheduledStart: new Date(`${inDays(21)}T13:00:00Z`) });
    const event = only(await fetchFeed(user.id), row.id);
    expect(event.sequence).toBeGreaterThan(before.sequence);
    expect(event.start).toEqual(moved.scheduledStart);
    const remindersAfter = await pendingReminders(newId);
    expect(remindersAfter.length).toBeGreaterThan(0);
    expect(remindersAfter).not.toEqual(remindersBefore);
  });
});

/**
 * Calendar invitations end to end below the browser: the upload route (refusals included, and
 * the multipart path), the review page's loader, and the confirmations as server actions, on a
 * real PostgreSQL. One invitation is imported, updated twice, then cancelled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { POST } from '@/app/api/imports/calendar/route';
import {
  applyInvitationUpdateAction,
  cancelFromInvitationAction,
  createInterviewFromInvitationAction,
} from '@/lib/actions/imports-calendar';
import { getDb } from '@/lib/db';
import { INVITATION_MESSAGES } from '@/lib/domain/invitation';
import { INVITATION_STEP_MESSAGES } from '@/lib/domain/invitation-plan';
import { NotFoundError } from '@/lib/errors';
import { INVITATION_CHANGE_REASON } from '@/lib/server/imports/apply-invitation-update';
import { buildInterviewIcs } from '@/lib/server/interviews/build-interview-ics';
import { loadCalendarImportPage } from '@/lib/server/pages/calendar-import';
import { loadInterviewPage } from '@/lib/server/pages/interview';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';
import { createTestApplication, createTestUser } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
const APP = 'http://rebound.test';
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ics');

afterAll(() => db.$disconnect());

// A date a few weeks ahead, so reminders are due and the interview is upcoming.
const DAY = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');

/** The employer's invitation, version `sequence`, at `time` (HHMM) in W. Europe Standard Time. */
function invitation(uid: string, { sequence = 0, time = '1000', method = 'REQUEST', minutes = 60 } = {}) {
  return [
    'BEGIN:VCALENDAR',
    'METHOD:' + method,
    'PRODID:Microsoft Exchange Server 2010',
    'VERSION:2.0',
    'BEGIN:VTIMEZONE',
    'TZID:W. Europe Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16010101T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'ORGANIZER;CN=Jonas Weber:mailto:jonas.weber@nordwerk.de',
    `UID:${uid}`,
    'SUMMARY:Interview: Data Analyst (Nordwerk)',
    `DTSTART;TZID=W. Europe Standard Time:${DAY}T${time}00`,
    `DURATION:PT${minutes}M`,
    `SEQUENCE:${sequence}`,
    'LOCATION:Microsoft Teams Meeting',
    'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    'DTSTAMP:20261201T090000Z',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function upload(body: BodyInit, { type = 'text/calendar', name = 'invite.ics', origin = APP } = {}) {
  return POST(
    new Request(`${APP}/api/imports/calendar?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': type },
      body,
    }),
  );
}

async function importText(text: string): Promise<string> {
  const answer = await upload(text);
  const body = (await answer.json()) as { id: string; url: string; error?: string };
  if (answer.status !== 201) throw new Error(`upload refused: ${answer.status} ${body.error}`);
  expect(body.url).toBe(`/imports/calendar/${body.id}`);
  return body.id;
}

async function expectOk<T>(result: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(`refused: ${answer.message}`);
  return answer.data;
}

async function reviewOf(userId: string, importId: string) {
  const page = await loadCalendarImportPage(userId, 'America/New_York', importId);
  expect(page.items).toHaveLength(1);
  return page.items[0]!;
}

describe('an invitation imported, updated twice, then cancelled', () => {
  test('each version does what it says, once, and an older one changes nothing', async () => {
    const user = signInAs(await createTestUser({ timeZone: 'America/New_York' }));
    const application = await createTestApplication(user.id, { company: 'Nordwerk', roleTitle: 'Data Analyst' });
    const uid = `040000008200E00074C5B7101A82E008-${Date.now()}`;

    // Version 0: a new interview, prefilled, the open application matched; nothing saved yet.
    const firstId = await importText(invitation(uid));
    const first = await reviewOf(user.id, firstId);
    expect(first.kind).toBe('new');
    expect(first.application).toEqual({ id: application.id, company: 'Nordwerk', roleTitle: 'Data Analyst' });
    expect(first.defaults).toMatchObject({
      applicationId: application.id,
      company: 'Nordwerk',
      startTime: '10:00',
      endTime: '11:00',
      timeZone: 'Europe/Berlin',
      format: 'VIDEO',
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
      contactName: 'Jonas Weber',
      contactEmail: 'jonas.weber@nordwerk.de',
      location: '',
    });
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(0);

    const created = await expectOk(
      createInterviewFromInvitationAction({ importId: firstId, uid, values: first.defaults! }),
    );
    if (!created.saved) throw new Error('warned instead of saving');
    const original = await db.interview.findUniqueOrThrow({ where: { id: created.id } });
    expect(original).toMatchObject({
      invitationUid: uid,
      invitationSequence: 0,
      applicationId: application.id,
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
    });
    expect(await reviewOf(user.id, firstId)).toMatchObject({
      kind: 'current',
      message: INVITATION_STEP_MESSAGES.current,
    });
    const remindersAt = async () =>
      (
        await db.reminder.findMany({
          where: { interviewId: created.id, state: 'SCHEDULED' },
          orderBy: { dueAt: 'asc' },
          select: { dueAt: true },
        })
      ).map((reminder) => reminder.dueAt.getTime());
    const firstReminders = await remindersAt();
    expect(firstReminders.length).toBeGreaterThan(0);

    // Version 1: moved to 14:00; version 2: moved to 15:30 and made longer.
    const moves = [
      { sequence: 1, time: '1400', minutes: 60 },
      { sequence: 2, time: '1530', minutes: 90 },
    ];
    let previous = original;
    for (const move of moves) {
      const importId = await importText(invitation(uid, move));
      const review = await reviewOf(user.id, importId);
      expect(review.kind).toBe('update');
      expect(review.interview).toMatchObject({ id: created.id, start: previous.scheduledStart.toISOString() });
      const remindersBefore = await remindersAt();
      await expectOk(applyInvitationUpdateAction({ importId, uid }));
      const moved = await db.interview.findUniqueOrThrow({ where: { id: created.id } });
      const shift = moved.scheduledStart.getTime() - previous.scheduledStart.getTime();
      expect(shift).not.toBe(0);
      expect(moved).toMatchObject({
        invitationSequence: move.sequence,
        calendarSequence: previous.calendarSequence + 1,
        durationMinutes: move.minutes,
        timeZone: 'Europe/Berlin',
        status: 'SCHEDULED',
      });
      // The reminders moved with the interview: they are already what its new time asks for.
      const remindersAfter = await remindersAt();
      expect(remindersAfter).not.toEqual(remindersBefore);
      await db.$transaction((tx) => syncInterviewReminders(tx, user.id, created.id));
      expect(await remindersAt()).toEqual(remindersAfter);
      // Rebound's own calendar file keeps the interview's UID, with the raised SEQUENCE.
      const { body: ics } = await buildInterviewIcs(user.id, created.id, APP);
      expect(ics).not.toContain(uid);
      expect(ics).toContain(`SEQUENCE:${moved.calendarSequence}`);
      previous = moved;
    }

    const changes = await db.interviewTimeChange.findMany({
      where: { interviewId: created.id },
      orderBy: { recordedAt: 'asc' },
    });
    expect(changes).toHaveLength(2);
    expect(
      changes.map((change) => [
        change.requestedBy,
        change.reason,
        change.fromDurationMinutes,
        change.toDurationMinutes,
      ]),
    ).toEqual([
      ['INVITATION', INVITATION_CHANGE_REASON, 60, 60],
      ['INVITATION', INVITATION_CHANGE_REASON, 60, 90],
    ]);
    expect(changes[0]!.fromStart).toEqual(original.scheduledStart);
    expect(changes[1]!.toStart).toEqual(previous.scheduledStart);
    // The interview page lists them, oldest first.
    const { timeChanges } = await loadInterviewPage(user, created.id);
    expect(timeChanges.map((change) => change.id)).toEqual(changes.map((change) => change.id));
    const timeline = await db.activityEvent.findMany({ where: { interviewId: created.id, type: 'UPDATED' } });
    expect(timeline).toHaveLength(2);
    expect(timeline[0]!.summary).toMatch(/^Moved by the employer's invitation from /);

    // An older version (SEQUENCE 1 again) changes nothing and says so.
    const olderId = await importText(invitation(uid, moves[0]));
    expect(await reviewOf(user.id, olderId)).toMatchObject({
      kind: 'current',
      message: INVITATION_STEP_MESSAGES.current,
    });
    const refused = await applyInvitationUpdateAction({ importId: olderId, uid });
    expect(refused).toMatchObject({ ok: false, message: INVITATION_STEP_MESSAGES.current });
    expect(await db.interview.findUniqueOrThrow({ where: { id: created.id } })).toEqual(previous);

    // Version 3 cancels: the interview becomes cancelled, its reminders go.
    const cancelId = await importText(invitation(uid, { sequence: 3, method: 'CANCEL' }));
    expect(await reviewOf(user.id, cancelId)).toMatchObject({ kind: 'cancel' });
    await expectOk(cancelFromInvitationAction({ importId: cancelId, uid }));
    const cancelled = await db.interview.findUniqueOrThrow({ where: { id: created.id } });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', invitationSequence: 3 });
    expect(cancelled.calendarSequence).toBeGreaterThan(previous.calendarSequence);
    expect(await remindersAt()).toEqual([]);
    expect(await db.activityEvent.count({ where: { interviewId: created.id, type: 'STATUS_CHANGED' } })).toBe(1);
    expect(await reviewOf(user.id, cancelId)).toMatchObject({ kind: 'current' });
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(1);
  }, 60_000);

  test('a new invitation with no matching application opens one; the same UID cannot be added twice', async () => {
    const user = signInAs(await createTestUser());
    const uid = `fresh-${Date.now()}@nordwerk.de`;
    const importId = await importText(invitation(uid));
    const review = await reviewOf(user.id, importId);
    expect(review.application).toBeNull();
    const saved = await expectOk(createInterviewFromInvitationAction({ importId, uid, values: review.defaults! }));
    if (!saved.saved) throw new Error('warned instead of saving');
    const again = await createInterviewFromInvitationAction({ importId, uid, values: review.defaults! });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    const interviews = await db.interview.findMany({
      where: { userId: user.id },
      select: { application: { select: { company: true } } },
    });
    expect(interviews).toEqual([{ application: { company: 'Nordwerk' } }]);
  });
});

describe('another user', () => {
  test("does not find someone else's import, and cannot confirm it", async () => {
    const owner = signInAs(await createTestUser());
    const uid = `private-${Date.now()}@nordwerk.de`;
    const importId = await importText(invitation(uid));
    const before = await db.importJob.findUniqueOrThrow({ where: { id: importId } });
    const stranger = signInAs(await createTestUser());
    await expect(loadCalendarImportPage(stranger.id, 'UTC', importId)).rejects.toBeInstanceOf(NotFoundError);
    const review = await reviewOf(owner.id, importId);
    expect(await createInterviewFromInvitationAction({ importId, uid, values: review.defaults! })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await applyInvitationUpdateAction({ importId, uid })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await db.interview.count({ where: { userId: { in: [owner.id, stranger.id] } } })).toBe(0);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: importId } })).toEqual(before);
  });
});

describe('the upload route', () => {
  const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

  async function expectRefused(answer: Response, status: number, message?: string) {
    expect(answer.status).toBe(status);
    const body = (await answer.json()) as { error: string };
    if (message) expect(body.error).toBe(message);
    else expect(body.error).toEqual(expect.any(String));
  }

  async function jobsOf(userId: string) {
    return db.importJob.count({ where: { userId } });
  }

  test('refuses, with the reason and nothing written', async () => {
    signInAs(null);
    await expectRefused(await upload(invitation('signed-out')), 401);

    const user = signInAs(await createTestUser());
    await expectRefused(await upload(invitation('x'), { origin: 'https://evil.example' }), 403);
    await expectRefused(await upload('%PDF-1.7', { type: 'application/pdf', name: 'invite.pdf' }), 415);
    const large = `${invitation('large').replace('END:VCALENDAR', `X-PAD:${'a'.repeat(1024 * 1024)}\r\nEND:VCALENDAR`)}`;
    await expectRefused(await upload(large), 413);
    await expectRefused(
      await upload(fixture('written/refuse-not-icalendar.ics')),
      422,
      INVITATION_MESSAGES.notCalendar,
    );
    await expectRefused(await upload(fixture('written/refuse-binary.ics')), 422, INVITATION_MESSAGES.binary);
    await expectRefused(
      await upload(fixture('written/refuse-recurring.ics')),
      422,
      INVITATION_MESSAGES.recurring('This event'),
    );
    await expectRefused(
      await upload(fixture('written/refuse-end-before-start.ics')),
      422,
      INVITATION_MESSAGES.endBeforeStart('This event'),
    );
    await expectRefused(
      await upload(fixture('written/refuse-unknown-zone.ics')),
      422,
      INVITATION_MESSAGES.unknownZone('This event', 'Atlantis/Poseidonia'),
    );
    await expectRefused(
      await upload(fixture('icloud-allday-request.ics')),
      422,
      INVITATION_MESSAGES.allDay('This event'),
    );
    expect(await jobsOf(user.id)).toBe(0);
  });

  test('takes a file as the one part of a multipart form, an unknown type by its extension', async () => {
    const user = signInAs(await createTestUser());
    const form = new FormData();
    form.append('file', new Blob([fixture('exchange2010-romance-request-seq4.ics')], { type: '' }), 'Pommes.ics');
    const answer = await POST(
      new Request(`${APP}/api/imports/calendar`, {
        method: 'POST',
        headers: { origin: APP, 'sec-fetch-site': 'same-origin' },
        body: form,
      }),
    );
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      userId: user.id,
      kind: 'CALENDAR',
      status: 'PREVIEW',
      fileName: 'Pommes.ics',
      fileBytes: fixture('exchange2010-romance-request-seq4.ics').byteLength,
      totalRows: 1,
    });
    const [item] = (await loadCalendarImportPage(user.id, 'UTC', id)).items;
    expect(item).toMatchObject({ kind: 'new', timeZone: 'Europe/Paris', fileZone: 'Romance Standard Time' });

    const refusedForm = new FormData();
    refusedForm.append('file', new Blob([fixture('written/refuse-recurring.ics')], { type: 'text/calendar' }), 'r.ics');
    await expectRefused(
      await POST(
        new Request(`${APP}/api/imports/calendar`, {
          method: 'POST',
          headers: { origin: APP, 'sec-fetch-site': 'same-origin' },
          body: refusedForm,
        }),
      ),
      422,
      INVITATION_MESSAGES.recurring('This event'),
    );
    expect(await jobsOf(user.id)).toBe(1);
  });
});

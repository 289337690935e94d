import { changeInterviewStatusAction, createInterviewAction, updateInterviewAction } from '@/lib/actions/interviews';
import { getDb } from '@/lib/db';
import { INTERVIEW_STATUSES, type InterviewStatus } from '@/lib/domain/interview-status';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { User } from '@/lib/generated/prisma/client';
import { buildInterviewIcs } from '@/lib/server/interviews/build-interview-ics';
import { changeInterviewStatus } from '@/lib/server/interviews/change-interview-status';
import { createInterview } from '@/lib/server/interviews/create-interview';
import { deleteInterview } from '@/lib/server/interviews/delete-interview';
import { getInterview } from '@/lib/server/interviews/get-interview';
import { rescheduleByEmployer } from '@/lib/server/interviews/reschedule-by-employer';
import { setPrepItem } from '@/lib/server/interviews/set-prep-item';
import { updateInterview } from '@/lib/server/interviews/update-interview';
import type { InterviewFormInput } from '@/lib/validation/interview';
import { createTestApplication, createTestUser } from './support/factories';
import {
  createInterviewFromForm,
  fieldErrorsFor,
  inPersonInput,
  interviewInput,
  parseInterviewForm,
  snapshotEvents,
  snapshotInterviews,
  whileRowLocked,
} from './support/interview-fixtures';
import { signInAs } from './support/session';

// The actions run as whoever requireUser says; revalidatePath needs a request, so it is a no-op.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();

afterAll(() => db.$disconnect());

async function setStatus(id: string, status: InterviewStatus) {
  await db.interview.update({ where: { id }, data: { status } });
}

describe('creating an interview from the form', () => {
  it.each([
    ['America/New_York', '2026-07-01', '09:30', '2026-07-01T13:30:00.000Z'],
    ['Europe/London', '2026-07-01', '09:30', '2026-07-01T08:30:00.000Z'],
    ['Europe/London', '2027-01-15', '09:30', '2027-01-15T09:30:00.000Z'],
    ['Asia/Kolkata', '2026-07-01', '09:30', '2026-07-01T04:00:00.000Z'],
    ['Australia/Sydney', '2026-07-01', '09:30', '2026-06-30T23:30:00.000Z'],
  ])('stores %s %s %s as the UTC instant %s', async (timeZone, date, startTime, expected) => {
    const user = await createTestUser();
    const { id, adjustment, notice } = await createInterview(
      user.id,
      parseInterviewForm(interviewInput({ timeZone, date, startTime, endTime: '11:00' })),
    );

    const row = await db.interview.findUniqueOrThrow({ where: { id } });
    expect(row.scheduledStart.toISOString()).toBe(expected);
    expect(row.timeZone).toBe(timeZone);
    expect(adjustment).toBe('none');
    expect(notice).toBeNull();
  });

  it('stores every field the form sends, with the duration taken from the start and end times', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, {
      company: '  Initech  ',
      roleTitle: 'Platform Engineer',
      startTime: '09:30',
      endTime: '11:15',
      contactEmail: 'Dana@ACME.example',
    });

    expect(row).toMatchObject({
      userId: user.id,
      company: 'Initech',
      roleTitle: 'Platform Engineer',
      roundLabel: 'First round',
      durationMinutes: 105,
      format: 'VIDEO',
      meetingUrl: 'https://meet.example.com/abc-defg-hij',
      contactName: 'Dana Recruiter',
      contactEmail: 'dana@acme.example',
      contactPhone: '+44 20 7946 0000',
      notes: 'Bring questions about the team.',
      status: 'SCHEDULED',
      location: null,
    });
  });

  it('keeps travel and buffer minutes for an in-person interview', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, inPersonInput({ travelMinutes: '45', bufferMinutes: '15' }));
    expect(row).toMatchObject({
      format: 'IN_PERSON',
      location: '1 High Street, London',
      travelMinutes: 45,
      bufferMinutes: 15,
    });
  });

  it.each(['VIDEO', 'PHONE'] as const)('drops travel and buffer minutes for a %s interview', async (format) => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, { format, travelMinutes: '45', bufferMinutes: '15' });
    expect(row).toMatchObject({ format, travelMinutes: null, bufferMinutes: null });
  });

  it('writes a CREATED event on the timeline', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, {
      date: '2027-03-10',
      startTime: '10:00',
      timeZone: 'Europe/London',
    });
    const events = await db.activityEvent.findMany({ where: { interviewId: row.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: user.id, type: 'CREATED' });
    expect(events[0]?.summary).toContain('10 Mar 2027');
  });

  it('saves a spring-forward gap time as the first time that exists, and says so', async () => {
    const user = await createTestUser();
    const { id, adjustment, notice } = await createInterview(
      user.id,
      parseInterviewForm(
        interviewInput({ date: '2026-03-08', startTime: '02:30', endTime: '04:00', timeZone: 'America/New_York' }),
      ),
    );

    const row = await db.interview.findUniqueOrThrow({ where: { id } });
    // 02:30 does not exist that night; 03:30 EDT (UTC−4) is 07:30Z.
    expect(row.scheduledStart.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(adjustment).toBe('gap-shifted-forward');
    expect(notice).toContain('02:30 does not exist on 2026-03-08 in America/New_York');
    expect(notice).toContain('saved as 03:30');
  });

  it('saves a fall-back overlap time as the earlier of the two, and says so', async () => {
    const user = await createTestUser();
    const { id, adjustment, notice } = await createInterview(
      user.id,
      parseInterviewForm(
        interviewInput({ date: '2026-11-01', startTime: '01:30', endTime: '01:45', timeZone: 'America/New_York' }),
      ),
    );
    const row = await db.interview.findUniqueOrThrow({ where: { id } });
    expect(row.scheduledStart.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(adjustment).toBe('ambiguous-earlier');
    expect(notice).toContain('happens twice');
  });

  // The edit page shows end = start + duration in the interview's zone, and the .ics uses it as
  // DTEND, so the duration has to be the real minutes between the two wall-clock times.
  it('keeps the typed end time when the clocks change between start and end (01:00–04:00 on spring-forward night)', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, {
      date: '2026-03-08',
      startTime: '01:00',
      endTime: '04:00',
      timeZone: 'America/New_York',
    });
    // 01:00 EST is 06:00Z and 04:00 EDT is 08:00Z: two real hours.
    expect(row.scheduledStart.toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect(new Date(row.scheduledStart.getTime() + row.durationMinutes * 60_000).toISOString()).toBe(
      '2026-03-08T08:00:00.000Z',
    );
  });
});

describe('an interview that opens an application at a company that turned the user down', () => {
  it('warns of a rejection in the last six months before saving, then saves when told to', async () => {
    const user = await createTestUser();
    signInAs(user);
    await createTestApplication(user.id, {
      company: 'Initech',
      roleTitle: 'Analyst',
      stage: 'REJECTED',
      closedAt: new Date(),
    });
    await db.application.updateMany({ where: { userId: user.id }, data: { closeReason: 'REJECTED' } });
    const values = interviewInput({ company: ' initech ', roleTitle: 'Engineer' });

    const first = await createInterviewAction(values);

    expect(first).toMatchObject({
      ok: true,
      data: {
        saved: false,
        warnings: { sameRole: [], recentClosures: [{ company: 'Initech', closeReason: 'REJECTED' }] },
      },
    });
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(0);
    const second = await createInterviewAction({ ...values, acknowledgeWarnings: true });
    expect(second).toMatchObject({ ok: true, data: { saved: true } });
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(1);
  });

  it('says nothing when the interview joins an open application, or the closure is older than six months', async () => {
    const user = await createTestUser();
    signInAs(user);
    const old = new Date(Date.now() - 200 * 86_400_000);
    await createTestApplication(user.id, { company: 'Globex', roleTitle: 'Analyst', stage: 'REJECTED', closedAt: old });
    await createTestApplication(user.id, {
      company: 'Initech',
      roleTitle: 'Analyst',
      stage: 'REJECTED',
      closedAt: new Date(),
    });
    await createTestApplication(user.id, { company: 'Initech', roleTitle: 'Engineer', stage: 'SCREENING' });
    await db.application.updateMany({
      where: { userId: user.id, closedAt: { not: null } },
      data: { closeReason: 'REJECTED' },
    });

    for (const company of ['Globex', 'Initech']) {
      const answer = await createInterviewAction(interviewInput({ company, roleTitle: 'Engineer' }));
      expect(answer).toMatchObject({ ok: true, data: { saved: true } });
    }
  });
});

describe('form input the schema refuses', () => {
  it.each<[string, Partial<InterviewFormInput>, string, string]>([
    [
      'an end before the start',
      { startTime: '11:00', endTime: '10:00' },
      'endTime',
      'The end time must be after the start time.',
    ],
    [
      'an end equal to the start',
      { startTime: '11:00', endTime: '11:00' },
      'endTime',
      'The end time must be after the start time.',
    ],
    [
      'an unknown time zone',
      { timeZone: 'Mars/Olympus_Mons' },
      'timeZone',
      'That time zone does not exist. Pick one from the list, e.g. Europe/London.',
    ],
    [
      'a javascript: meeting link',
      { meetingUrl: 'javascript:alert(1)' },
      'meetingUrl',
      'The meeting link must be a web address starting with https:// (or http://).',
    ],
    [
      'an ftp:// meeting link',
      { meetingUrl: 'ftp://files.example.com/invite' },
      'meetingUrl',
      'The meeting link must be a web address starting with https:// (or http://).',
    ],
    [
      'a meeting link that is not a URL',
      { meetingUrl: 'meet dot example' },
      'meetingUrl',
      'The meeting link must be a web address starting with https:// (or http://).',
    ],
    [
      'a phone number of letters',
      { contactPhone: 'call me maybe' },
      'contactPhone',
      'Enter a phone number with digits, e.g. +44 20 7946 0000. Letters are not allowed.',
    ],
    [
      'a 10,000-character company name',
      { company: 'A'.repeat(10_000) },
      'company',
      'A company name is at most 200 characters.',
    ],
    [
      'a video interview without a link',
      { meetingUrl: '' },
      'meetingUrl',
      'Enter the meeting link for a video interview.',
    ],
    [
      'an in-person interview without an address',
      { format: 'IN_PERSON', location: '  ' },
      'location',
      'Enter the address for an in-person interview.',
    ],
    [
      'travel minutes that are not whole',
      { travelMinutes: '12.5' },
      'travelMinutes',
      'Travel time must be a whole number of minutes between 0 and 600.',
    ],
    ['a date that is not YYYY-MM-DD', { date: '10/03/2027' }, 'date', 'Enter the date as YYYY-MM-DD.'],
  ])('refuses %s with a message on that field', (_label, overrides, field, message) => {
    expect(fieldErrorsFor(interviewInput(overrides))).toMatchObject({ [field]: message });
  });

  it('the create action answers with the field message and writes nothing', async () => {
    const user = await createTestUser();
    signInAs(user);

    const result = await createInterviewAction(
      interviewInput({ meetingUrl: 'javascript:alert(1)', company: 'B'.repeat(10_000) }),
    );

    expect(result).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Check the highlighted fields.',
      fieldErrors: {
        company: 'A company name is at most 200 characters.',
        meetingUrl: 'The meeting link must be a web address starting with https:// (or http://).',
      },
    });
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(0);
  });

  it('the create action passes on the DST notice', async () => {
    const user = await createTestUser();
    signInAs(user);
    const result = await createInterviewAction(
      interviewInput({ date: '2026-03-08', startTime: '02:30', endTime: '04:00', timeZone: 'America/New_York' }),
    );
    if (!result.ok) throw new Error(result.message);
    if (!result.data.saved) throw new Error('not saved');
    expect(result.data.notice).toMatch(/^02:30 does not exist on 2026-03-08 in America\/New_York/);
    expect((await db.interview.findUniqueOrThrow({ where: { id: result.data.id } })).userId).toBe(user.id);
  });
});

describe('editing and deleting', () => {
  it('saves the changes and records which fields changed', async () => {
    const user = await createTestUser();
    const before = await createInterviewFromForm(user.id);

    await updateInterview(
      user.id,
      before.id,
      parseInterviewForm(interviewInput({ company: 'Globex', startTime: '14:00', endTime: '15:00' })),
      before.updatedAt,
    );

    const after = await db.interview.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.company).toBe('Globex');
    expect(after.scheduledStart.toISOString()).toBe('2027-03-10T14:00:00.000Z');
    expect(after.durationMinutes).toBe(60);
    const updates = await db.activityEvent.findMany({ where: { interviewId: before.id, type: 'UPDATED' } });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.details).toEqual({ changed: ['company', 'scheduledStart'] });
    expect(updates[0]?.summary).toBe('Edited: company, scheduledStart');
  });

  it('drops travel minutes when an in-person interview becomes a video call', async () => {
    const user = await createTestUser();
    const before = await createInterviewFromForm(user.id, inPersonInput());
    await updateInterview(
      user.id,
      before.id,
      parseInterviewForm(interviewInput({ travelMinutes: '40', bufferMinutes: '10' })),
    );
    const after = await db.interview.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ format: 'VIDEO', travelMinutes: null, bufferMinutes: null });
    const updates = await db.activityEvent.findMany({ where: { interviewId: before.id, type: 'UPDATED' } });
    expect(updates[0]?.details).toEqual({
      changed: expect.arrayContaining(['format', 'location', 'meetingUrl', 'travelMinutes', 'bufferMinutes']),
    });
  });

  it('saving the form unchanged writes no event and keeps the version', async () => {
    const user = await createTestUser();
    const before = await createInterviewFromForm(user.id);
    await updateInterview(user.id, before.id, parseInterviewForm(interviewInput()), before.updatedAt);
    const after = await db.interview.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await db.activityEvent.count({ where: { interviewId: before.id, type: 'UPDATED' } })).toBe(0);
  });

  it('refuses an edit made from a stale version and changes nothing', async () => {
    const user = await createTestUser();
    const original = await createInterviewFromForm(user.id);
    // Another tab saves first.
    await updateInterview(
      user.id,
      original.id,
      parseInterviewForm(interviewInput({ company: 'Saved in tab one' })),
      original.updatedAt,
    );
    const rowsBefore = await snapshotInterviews(user.id);
    const eventsBefore = await snapshotEvents(user.id);

    const stale = updateInterview(
      user.id,
      original.id,
      parseInterviewForm(interviewInput({ company: 'Saved in tab two' })),
      original.updatedAt,
    );

    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow('This interview was changed in another tab or window since you opened it.');
    expect(await snapshotInterviews(user.id)).toEqual(rowsBefore);
    expect(await snapshotEvents(user.id)).toEqual(eventsBefore);
  });

  it('the update action tells the user when the interview was deleted in another tab', async () => {
    const user = await createTestUser();
    signInAs(user);
    const row = await createInterviewFromForm(user.id);
    await deleteInterview(user.id, row.id);

    await expect(updateInterview(user.id, row.id, parseInterviewForm(interviewInput()), row.updatedAt)).rejects.toThrow(
      NotFoundError,
    );
    const result = await updateInterviewAction({
      id: row.id,
      values: interviewInput({ company: 'Typed after the delete' }),
      expectedUpdatedAt: row.updatedAt.toISOString(),
    });
    expect(result).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message:
        'This interview was deleted (perhaps in another tab), so there is nothing to save. What you typed is still in the form.',
    });
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(0);
  });

  // Two tabs opened at the same version save at the same moment. The row lock held by the test
  // makes both saves read the row before either writes, which is the race the version guards.
  it('of two saves made from the same version at the same moment, exactly one wins', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id);

    const results = await whileRowLocked(row.id, 2, () => [
      updateInterview(user.id, row.id, parseInterviewForm(interviewInput({ company: 'Tab one' })), row.updatedAt),
      updateInterview(user.id, row.id, parseInterviewForm(interviewInput({ company: 'Tab two' })), row.updatedAt),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.activityEvent.count({ where: { interviewId: row.id, type: 'UPDATED' } })).toBe(1);
  }, 20_000);

  it('deletes the interview with its timeline; a second delete is NotFound', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id);
    await changeInterviewStatus(user.id, row.id, 'COMPLETED');

    await deleteInterview(user.id, row.id);

    expect(await db.interview.count({ where: { id: row.id } })).toBe(0);
    expect(await db.activityEvent.count({ where: { interviewId: row.id } })).toBe(0);
    await expect(deleteInterview(user.id, row.id)).rejects.toThrow(NotFoundError);
    await expect(getInterview(user.id, row.id)).rejects.toThrow(NotFoundError);
  });
});

describe('status changes', () => {
  it.each(INTERVIEW_STATUSES.filter((status) => status !== 'SCHEDULED'))(
    'a scheduled interview can become %s, with a STATUS_CHANGED event',
    async (to) => {
      const user = await createTestUser();
      const row = await createInterviewFromForm(user.id);

      await changeInterviewStatus(user.id, row.id, to);

      expect((await db.interview.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(to);
      const events = await db.activityEvent.findMany({ where: { interviewId: row.id, type: 'STATUS_CHANGED' } });
      expect(events).toHaveLength(1);
      expect(events[0]?.details).toEqual({ from: 'SCHEDULED', to });
    },
  );

  it('records each step of a correction: completed → missed → completed', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id);
    await changeInterviewStatus(user.id, row.id, 'COMPLETED');
    await changeInterviewStatus(user.id, row.id, 'MISSED');
    await changeInterviewStatus(user.id, row.id, 'COMPLETED');

    const events = await db.activityEvent.findMany({
      where: { interviewId: row.id, type: 'STATUS_CHANGED' },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((event) => event.summary)).toEqual([
      'Scheduled → Completed',
      'Completed → Missed',
      'Missed → Completed',
    ]);
  });

  it.each<[InterviewStatus, InterviewStatus, string]>([
    [
      'CANCELLED',
      'COMPLETED',
      'A cancelled interview cannot be marked completed. Add a new interview if it is back on.',
    ],
    [
      'WITHDRAWN',
      'SCHEDULED',
      'A withdrawn interview cannot be moved back to scheduled. Add a new interview if you are back in the process.',
    ],
    [
      'RESCHEDULED',
      'CANCELLED',
      'A rescheduled interview cannot be cancelled. Update the interview it was moved to instead.',
    ],
    ['COMPLETED', 'SCHEDULED', 'A completed interview cannot be moved back to scheduled.'],
    ['SCHEDULED', 'SCHEDULED', 'This interview is already scheduled.'],
  ])('refuses %s → %s with the domain message and changes nothing', async (from, to, message) => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id);
    await setStatus(row.id, from);
    const rowsBefore = await snapshotInterviews(user.id);
    const eventsBefore = await snapshotEvents(user.id);

    const attempt = changeInterviewStatus(user.id, row.id, to);

    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await snapshotInterviews(user.id)).toEqual(rowsBefore);
    expect(await snapshotEvents(user.id)).toEqual(eventsBefore);
  });

  it('the status action answers a refused transition with the domain message', async () => {
    const user = await createTestUser();
    signInAs(user);
    const row = await createInterviewFromForm(user.id);
    await setStatus(row.id, 'CANCELLED');

    expect(await changeInterviewStatusAction({ id: row.id, status: 'COMPLETED' })).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'A cancelled interview cannot be marked completed. Add a new interview if it is back on.',
      fieldErrors: {},
    });
    // Missed goes through the recovery flow, never straight through this action.
    expect(await changeInterviewStatusAction({ id: row.id, status: 'MISSED' })).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'That status cannot be set here.',
      fieldErrors: {},
    });
    expect((await db.interview.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('CANCELLED');
  });
});

describe('rescheduling by the employer', () => {
  it('marks the old interview rescheduled and creates a linked new one at the new time', async () => {
    const user = await createTestUser();
    const old = await createInterviewFromForm(user.id, inPersonInput({ timeZone: 'Europe/London' }));
    await setPrepItem(user.id, old.id, 'route-planned', true);

    const { id: newId, notice } = await rescheduleByEmployer(user.id, old.id, '2027-04-01', '14:00');

    expect(notice).toBeNull();
    const [oldAfter, created] = await Promise.all([
      db.interview.findUniqueOrThrow({ where: { id: old.id } }),
      db.interview.findUniqueOrThrow({ where: { id: newId } }),
    ]);
    expect(oldAfter.status).toBe('RESCHEDULED');
    expect(created).toMatchObject({
      userId: user.id,
      status: 'SCHEDULED',
      rescheduledFromId: old.id,
      company: old.company,
      roleTitle: old.roleTitle,
      durationMinutes: old.durationMinutes,
      timeZone: 'Europe/London',
      location: old.location,
      travelMinutes: old.travelMinutes,
      prepChecklist: {},
    });
    // 14:00 BST is 13:00Z.
    expect(created.scheduledStart.toISOString()).toBe('2027-04-01T13:00:00.000Z');
    expect(await db.activityEvent.findMany({ where: { interviewId: old.id, type: 'STATUS_CHANGED' } })).toEqual([
      expect.objectContaining({ details: { from: 'SCHEDULED', to: 'RESCHEDULED' } }),
    ]);
    const createdEvents = await db.activityEvent.findMany({ where: { interviewId: newId } });
    expect(createdEvents).toEqual([expect.objectContaining({ type: 'CREATED' })]);
    expect(createdEvents[0]?.summary).toMatch(/^Rescheduled by the employer from /);

    const page = await getInterview(user.id, old.id);
    expect(page.rescheduledTo.map((next) => next.id)).toEqual([newId]);
  });

  it.each([
    ['in the past', '2026-01-05', '10:00'],
    ['a moment ago', null, null],
  ])('refuses a new time %s and writes nothing', async (_label, date, time) => {
    const user = await createTestUser();
    const old = await createInterviewFromForm(user.id, { timeZone: 'UTC' });
    const now = new Date();
    const justBefore = new Date(now.getTime() - 60_000).toISOString();
    const rowsBefore = await snapshotInterviews(user.id);
    const eventsBefore = await snapshotEvents(user.id);

    const attempt = rescheduleByEmployer(
      user.id,
      old.id,
      date ?? justBefore.slice(0, 10),
      time ?? justBefore.slice(11, 16),
      now,
    );

    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      message: 'The new time is in the past.',
      fieldErrors: { date: 'Choose a date and time in the future.' },
    });
    expect(await snapshotInterviews(user.id)).toEqual(rowsBefore);
    expect(await snapshotEvents(user.id)).toEqual(eventsBefore);
  });

  it('refuses to reschedule an interview whose status forbids it, without creating the new one', async () => {
    const user = await createTestUser();
    const old = await createInterviewFromForm(user.id);
    await setStatus(old.id, 'CANCELLED');
    const rowsBefore = await snapshotInterviews(user.id);

    await expect(rescheduleByEmployer(user.id, old.id, '2027-04-01', '14:00')).rejects.toThrow(
      'A cancelled interview cannot be rescheduled.',
    );
    expect(await snapshotInterviews(user.id)).toEqual(rowsBefore);
  });

  it('two reschedules of the same interview at once create exactly one new interview', async () => {
    const user = await createTestUser();
    const old = await createInterviewFromForm(user.id);

    const results = await Promise.allSettled([
      rescheduleByEmployer(user.id, old.id, '2027-04-01', '14:00'),
      rescheduleByEmployer(user.id, old.id, '2027-04-02', '15:00'),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.interview.count({ where: { rescheduledFromId: old.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { interviewId: old.id, type: 'STATUS_CHANGED' } })).toBe(1);
  });
});

describe('the prep checklist', () => {
  it('stores a tick with its time, removes it on untick, and logs both', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, inPersonInput());
    const before = Date.now();

    await setPrepItem(user.id, row.id, 'route-planned', true);
    const ticked = await db.interview.findUniqueOrThrow({ where: { id: row.id } });
    const stamp = (ticked.prepChecklist as Record<string, string>)['route-planned'];
    expect(new Date(stamp ?? '').getTime()).toBeGreaterThanOrEqual(before - 1000);

    await setPrepItem(user.id, row.id, 'route-planned', false);
    expect((await db.interview.findUniqueOrThrow({ where: { id: row.id } })).prepChecklist).toEqual({});
    const events = await db.activityEvent.findMany({
      where: { interviewId: row.id, type: 'CHECKLIST_UPDATED' },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((event) => event.details)).toEqual([
      { itemId: 'route-planned', checked: true },
      { itemId: 'route-planned', checked: false },
    ]);
  });

  it('refuses an item that does not apply to the format', async () => {
    const user = await createTestUser();
    const row = await createInterviewFromForm(user.id, inPersonInput());
    await expect(setPrepItem(user.id, row.id, 'link-tested', true)).rejects.toThrow(
      'That checklist item does not apply to this interview.',
    );
    expect((await db.interview.findUniqueOrThrow({ where: { id: row.id } })).prepChecklist).toEqual({});
  });

  it('offers the second-chance items only on an interview that replaces a missed one', async () => {
    const user = await createTestUser();
    const old = await createInterviewFromForm(user.id);
    await expect(setPrepItem(user.id, old.id, 'second-chance-arrive-early', true)).rejects.toThrow(ValidationError);
    // Moved by the employer: an ordinary interview, no second-chance items.
    const { id: moved } = await rescheduleByEmployer(user.id, old.id, '2027-04-01', '14:00');
    await expect(setPrepItem(user.id, moved, 'second-chance-arrive-early', true)).rejects.toThrow(ValidationError);
    // After a miss (an incident on the interview it replaces), they apply.
    await db.missedIncident.create({ data: { userId: user.id, interviewId: old.id, reason: 'TRAFFIC_TRANSPORT' } });
    await setPrepItem(user.id, moved, 'second-chance-arrive-early', true);
    expect(
      Object.keys((await db.interview.findUniqueOrThrow({ where: { id: moved } })).prepChecklist as object),
    ).toEqual(['second-chance-arrive-early']);
  });
});

describe("another user's interview", () => {
  let owner: User;
  let intruder: User;
  let ownersId: string;

  beforeEach(async () => {
    [owner, intruder] = await Promise.all([createTestUser(), createTestUser()]);
    const row = await createInterviewFromForm(owner.id, inPersonInput());
    await setPrepItem(owner.id, row.id, 'documents-ready', true);
    ownersId = row.id;
    // The intruder has an interview of their own, so a leak could not hide behind an empty account.
    await createInterviewFromForm(intruder.id);
  });

  const calls: [string, (userId: string, id: string) => Promise<unknown>][] = [
    ['getInterview', (userId, id) => getInterview(userId, id)],
    [
      'updateInterview',
      (userId, id) => updateInterview(userId, id, parseInterviewForm(interviewInput({ company: 'Hijacked' }))),
    ],
    ['deleteInterview', (userId, id) => deleteInterview(userId, id)],
    ['changeInterviewStatus', (userId, id) => changeInterviewStatus(userId, id, 'CANCELLED')],
    ['rescheduleByEmployer', (userId, id) => rescheduleByEmployer(userId, id, '2027-05-01', '10:00')],
    ['setPrepItem', (userId, id) => setPrepItem(userId, id, 'route-planned', true)],
    ['buildInterviewIcs', (userId, id) => buildInterviewIcs(userId, id, 'https://rebound.example.com')],
  ];

  it.each(calls)('%s answers NotFound and leaves the owner’s rows untouched', async (_name, call) => {
    const rowsBefore = await snapshotInterviews(owner.id);
    const eventsBefore = await snapshotEvents(owner.id);

    await expect(call(intruder.id, ownersId)).rejects.toThrow(NotFoundError);

    expect(await snapshotInterviews(owner.id)).toEqual(rowsBefore);
    expect(await snapshotEvents(owner.id)).toEqual(eventsBefore);
    // Nothing was written under the intruder's name about it either.
    expect(await db.activityEvent.count({ where: { interviewId: ownersId, userId: intruder.id } })).toBe(0);
  });

  it('answers exactly like an id that never existed', async () => {
    const [theirs, missing] = await Promise.allSettled([
      getInterview(intruder.id, ownersId),
      getInterview(intruder.id, 'cnotarealid000000000000000'),
    ]);
    expect(theirs.status).toBe('rejected');
    expect(missing.status).toBe('rejected');
    if (theirs.status === 'rejected' && missing.status === 'rejected')
      expect(String(theirs.reason)).toBe(String(missing.reason));
  });
});

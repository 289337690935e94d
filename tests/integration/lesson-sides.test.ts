import { randomUUID } from 'node:crypto';
import { createLessonAction, updateLessonAction } from '@/lib/actions/lessons';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import type { IncidentKind, InterviewFormat, TimeChangeSource, User } from '@/lib/generated/prisma/client';
import { createLesson } from '@/lib/server/lessons/create-lesson';
import { exportLessons } from '@/lib/server/lessons/export-lessons';
import { getPatterns } from '@/lib/server/lessons/get-patterns';
import {
  EMPLOYER_HINT_LESSONS_PER_COMPANY,
  findHintLessons,
  getPreventionHints,
} from '@/lib/server/lessons/get-prevention-hints';
import { getReviewQueue } from '@/lib/server/lessons/get-review-queue';
import { insertLesson } from '@/lib/server/lessons/insert-lesson';
import { listLessons } from '@/lib/server/lessons/list-lessons';
import { updateLesson } from '@/lib/server/lessons/update-lesson';
import { createTestApplication } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

beforeEach(() => {
  signInAs(null);
});

afterAll(() => db.$disconnect());

async function createUser(): Promise<User> {
  return db.user.create({
    data: { email: `sides-${randomUUID()}@example.test`, name: 'Sid Es', timeZone: 'Europe/London' },
  });
}

async function createInterview(
  userId: string,
  company: string,
  options: { start?: Date; format?: InterviewFormat; status?: 'SCHEDULED' | 'MISSED' | 'RESCHEDULED' } = {},
) {
  return db.interview.create({
    data: {
      userId,
      applicationId: (await createTestApplication(userId, { company: company.trim() || 'Blank' })).id,
      company,
      roleTitle: 'Engineer',
      scheduledStart: options.start ?? new Date(NOW.getTime() - 10 * DAY),
      timeZone: 'Europe/London',
      format: options.format ?? 'VIDEO',
      meetingUrl: 'https://meet.example/abc',
      status: options.status ?? 'MISSED',
    },
  });
}

async function createIncident(userId: string, company: string, kind: IncidentKind, daysAgo = 10) {
  const interview = await createInterview(userId, company, { start: new Date(NOW.getTime() - daysAgo * DAY) });
  const incident = await db.missedIncident.create({
    data: {
      userId,
      interviewId: interview.id,
      kind,
      reason: kind === 'EMPLOYER_NO_SHOW' ? 'TECHNICAL_PROBLEM' : 'FORGOT',
      recordedAt: new Date(NOW.getTime() - daysAgo * DAY),
    },
  });
  return { interview, incident };
}

async function addTimeChange(userId: string, interviewId: string, requestedBy: TimeChangeSource) {
  await db.interviewTimeChange.create({
    data: {
      userId,
      interviewId,
      requestedBy,
      fromStart: new Date(NOW.getTime() - 3 * DAY),
      toStart: new Date(NOW.getTime() + 3 * DAY),
      fromDurationMinutes: 60,
      toDurationMinutes: 60,
      fromTimeZone: 'Europe/London',
      toTimeZone: 'Europe/London',
    },
  });
}

describe('getPatterns: the candidate’s side and the employer’s side', () => {
  let user: User;

  beforeAll(async () => {
    user = await createUser();
    const other = await createUser();
    // The candidate's side at Acme: a miss (with the second chance the employer gave after it),
    // and a late arrival, spelt differently.
    const miss = await createIncident(user.id, 'Acme', 'MISSED');
    await createIncident(user.id, ' acme ', 'RUNNING_LATE');
    const secondChance = await createInterview(user.id, 'Acme', {
      start: new Date(NOW.getTime() + 5 * DAY),
      status: 'SCHEDULED',
    });
    await db.rescheduleRequest.create({
      data: {
        userId: user.id,
        incidentId: miss.incident.id,
        channel: 'EMAIL',
        status: 'ACCEPTED',
        newInterviewId: secondChance.id,
      },
    });
    // accept-reschedule records the new slot as the employer's: it is still the candidate's side.
    await addTimeChange(user.id, secondChance.id, 'EMPLOYER');
    await db.lesson.create({
      data: { userId: user.id, incidentId: miss.incident.id, company: 'Acme', rootCause: 'FORGOT', whatHappened: 'x' },
    });

    // The employer's side: Acme did not show up once, Fabrikam twice and moved two interviews
    // (by asking, and by an updated invitation); the candidate's own move is nobody's fault.
    const acmeNoShow = await createIncident(user.id, 'ACME', 'EMPLOYER_NO_SHOW');
    const fabrikam = await createIncident(user.id, 'Fabrikam', 'EMPLOYER_NO_SHOW', 40);
    await createIncident(user.id, 'fabrikam', 'EMPLOYER_NO_SHOW');
    const moved = await createInterview(user.id, 'Fabrikam', { status: 'SCHEDULED' });
    await addTimeChange(user.id, moved.id, 'EMPLOYER');
    await addTimeChange(user.id, moved.id, 'INVITATION');
    await addTimeChange(user.id, moved.id, 'CANDIDATE');
    // What happens after a no-show stays off the candidate's charts and figures.
    await db.rescheduleRequest.create({
      data: { userId: user.id, incidentId: acmeNoShow.incident.id, channel: 'CALL', status: 'DECLINED' },
    });
    await db.recoveryStep.create({
      data: { userId: user.id, incidentId: fabrikam.incident.id, step: 'CALL', status: 'DONE', completedAt: NOW },
    });
    await db.lesson.createMany({
      data: [
        {
          userId: user.id,
          incidentId: fabrikam.incident.id,
          company: 'Fabrikam',
          side: 'EMPLOYER',
          rootCause: 'SCHEDULE_MIXUP',
          whatHappened: 'Nobody joined.',
        },
        // An employer-side lesson by hand is not a near miss, and not a miss at that company.
        {
          userId: user.id,
          company: 'Contoso',
          side: 'EMPLOYER',
          rootCause: 'OTHER',
          whatHappened: 'Reception lost me.',
        },
        // A near miss of the candidate's own.
        { userId: user.id, rootCause: 'TRAFFIC_TRANSPORT', whatHappened: 'Nearly late.' },
      ],
    });

    // Another user's rows at the same companies are never counted.
    await createIncident(other.id, 'Fabrikam', 'EMPLOYER_NO_SHOW');
    await createIncident(other.id, 'Acme', 'MISSED');
    const othersMoved = await createInterview(other.id, 'Fabrikam', { status: 'SCHEDULED' });
    await addTimeChange(other.id, othersMoved.id, 'EMPLOYER');
    await db.lesson.create({
      data: { userId: other.id, company: 'Fabrikam', side: 'EMPLOYER', rootCause: 'OTHER', whatHappened: 'x' },
    });
  }, 60_000);

  it('counts each side per company, the spellings of one company together', async () => {
    const patterns = await getPatterns(user.id, user.timeZone, NOW);
    expect(patterns.byCompany).toEqual([{ company: 'Acme', missed: 2, requestsAccepted: 1, requestsDeclined: 0 }]);
    expect(patterns.byEmployerCompany).toEqual([
      { company: 'Fabrikam', noShows: 2, reschedules: 2 },
      // Named by the spelling used most across both sides.
      { company: 'Acme', noShows: 1, reschedules: 0 },
    ]);
    expect(patterns.totals).toEqual({ incidents: 2, nearMisses: 1, noShows: 3, employerReschedules: 2 });
  });

  it('keeps the charts and figures to the candidate’s side', async () => {
    const patterns = await getPatterns(user.id, user.timeZone, NOW);
    const causes = Object.fromEntries(patterns.byCause.map((row) => [row.rootCause, row]));
    expect(causes.FORGOT).toEqual({ rootCause: 'FORGOT', missed: 1, runningLate: 1, nearMisses: 0 });
    expect(causes.TRAFFIC_TRANSPORT).toMatchObject({ nearMisses: 1 });
    for (const cause of ['SCHEDULE_MIXUP', 'TECHNICAL_PROBLEM', 'OTHER'] as const)
      expect(causes[cause]).toEqual({ rootCause: cause, missed: 0, runningLate: 0, nearMisses: 0 });
    expect(patterns.byMonth.reduce((sum, row) => sum + row.missed + row.runningLate, 0)).toBe(2);
    expect(patterns.outcomes.reduce((sum, row) => sum + row.count, 0)).toBe(2);
    expect(patterns.reschedule).toMatchObject({ accepted: 1, declined: 0, successRate: 1 });
    expect(patterns.timing.callsCounted).toBe(0);
  });

  it('says nothing of the employer’s side for someone without any', async () => {
    const quiet = await createUser();
    await createIncident(quiet.id, 'Acme', 'MISSED');
    const patterns = await getPatterns(quiet.id, quiet.timeZone, NOW);
    expect(patterns.byEmployerCompany).toEqual([]);
    expect(patterns.totals).toMatchObject({ incidents: 1, noShows: 0, employerReschedules: 0 });
  });
});

describe('writing a lesson on either side', () => {
  const form = {
    rootCause: 'SCHEDULE_MIXUP' as const,
    whatHappened: 'They sent two different times.',
    actions: [{ text: 'Confirm the time in writing' }],
  };
  const count = (userId: string) => db.lesson.count({ where: { userId } });

  it('keeps an employer-side lesson added by hand with its company', async () => {
    const owner = signInAs(await createUser());
    const result = await createLessonAction({ ...form, side: 'EMPLOYER', company: '  Fabrikam ' });
    expect(result).toMatchObject({ ok: true });
    const stored = await db.lesson.findFirstOrThrow({ where: { userId: owner.id } });
    expect(stored).toMatchObject({ side: 'EMPLOYER', company: 'Fabrikam', incidentId: null });
  });

  it('keeps no company on a candidate-side lesson by hand, and the candidate’s side by default', async () => {
    const owner = signInAs(await createUser());
    expect(await createLessonAction({ ...form, company: 'Fabrikam' })).toMatchObject({ ok: true });
    expect(await db.lesson.findFirstOrThrow({ where: { userId: owner.id } })).toMatchObject({
      side: 'CANDIDATE',
      company: null,
    });
  });

  it('refuses a cause the side does not allow, or an employer side without a company, and writes nothing', async () => {
    const owner = signInAs(await createUser());
    expect(await createLessonAction({ ...form, side: 'EMPLOYER', company: 'Fabrikam', rootCause: 'FORGOT' })).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: expect.any(String),
      fieldErrors: {
        rootCause:
          'On the employer’s side, choose one of: schedule mix-up, time-zone mistake, technical problem, other.',
      },
    });
    expect(await createLessonAction({ ...form, side: 'EMPLOYER', company: ' ' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { company: 'Name the employer, so the lesson comes back before your next interview with them.' },
    });
    // Past the form's schema, the server refuses the same.
    await expect(
      createLesson(owner.id, { ...form, side: 'EMPLOYER', company: 'Fabrikam', rootCause: 'ILLNESS' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(createLesson(owner.id, { ...form, side: 'EMPLOYER' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      db.$transaction((tx) =>
        insertLesson(tx, {
          userId: owner.id,
          side: 'EMPLOYER',
          rootCause: 'TRAFFIC_TRANSPORT',
          whatHappened: 'x',
          actionTexts: [],
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await count(owner.id)).toBe(0);
  });

  it('saves a recovery’s lesson on the candidate’s side unless told otherwise, with the interview’s company', async () => {
    const owner = await createUser();
    const { incident } = await createIncident(owner.id, 'Northwind', 'EMPLOYER_NO_SHOW');
    const candidate = await db.$transaction((tx) =>
      insertLesson(tx, {
        userId: owner.id,
        incidentId: incident.id,
        rootCause: 'FORGOT',
        whatHappened: 'x',
        actionTexts: [],
      }),
    );
    const employer = await db.$transaction((tx) =>
      insertLesson(tx, {
        userId: owner.id,
        incidentId: incident.id,
        side: 'EMPLOYER',
        rootCause: 'OTHER',
        whatHappened: 'Nobody came to reception.',
        actionTexts: ['Confirm the day before'],
      }),
    );
    expect(await db.lesson.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({ side: 'CANDIDATE' });
    expect(await db.lesson.findUniqueOrThrow({ where: { id: employer.id } })).toMatchObject({
      side: 'EMPLOYER',
      company: 'Northwind',
    });
  });

  it('changes the side on edit: the company comes with the employer’s side and goes with it', async () => {
    const owner = signInAs(await createUser());
    const lesson = await db.lesson.create({
      data: { userId: owner.id, rootCause: 'SCHEDULE_MIXUP', whatHappened: 'Mixed up the days.' },
    });
    expect(
      await updateLessonAction({ id: lesson.id, values: { ...form, side: 'EMPLOYER', company: 'Fabrikam' } }),
    ).toMatchObject({ ok: true });
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({
      side: 'EMPLOYER',
      company: 'Fabrikam',
    });
    expect(await updateLessonAction({ id: lesson.id, values: { ...form, side: 'CANDIDATE' } })).toMatchObject({
      ok: true,
    });
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({
      side: 'CANDIDATE',
      company: null,
    });
  });

  it('refuses a bad pair on edit and keeps the lesson as it was', async () => {
    const owner = signInAs(await createUser());
    const lesson = await db.lesson.create({
      data: { userId: owner.id, rootCause: 'FORGOT', whatHappened: 'Forgot it.' },
    });
    const before = await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    expect(
      await updateLessonAction({
        id: lesson.id,
        values: { ...form, side: 'EMPLOYER', company: 'Fabrikam', rootCause: 'FORGOT' },
      }),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { rootCause: expect.stringMatching(/^On the employer/) },
    });
    // Past the schema: the stored side is the one the pair is checked against when none is sent.
    await db.lesson.update({
      where: { id: lesson.id },
      data: { side: 'EMPLOYER', company: 'Fabrikam', rootCause: 'OTHER' },
    });
    await expect(updateLesson(owner.id, lesson.id, { ...form, rootCause: 'ILLNESS' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({
      ...before,
      side: 'EMPLOYER',
      company: 'Fabrikam',
      rootCause: 'OTHER',
      updatedAt: expect.any(Date),
    });
  });

  it('keeps the interview’s company on a lesson from a recovery, whatever the form sends', async () => {
    const owner = signInAs(await createUser());
    const { incident } = await createIncident(owner.id, 'Northwind', 'EMPLOYER_NO_SHOW');
    const lesson = await db.lesson.create({
      data: { userId: owner.id, incidentId: incident.id, company: 'Northwind', rootCause: 'OTHER', whatHappened: 'x' },
    });
    expect(
      await updateLessonAction({ id: lesson.id, values: { ...form, side: 'EMPLOYER', company: 'Someone else' } }),
    ).toMatchObject({ ok: true });
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({
      side: 'EMPLOYER',
      company: 'Northwind',
    });
  });

  it('answers another user’s lesson as not found and changes nothing', async () => {
    const owner = await createUser();
    const lesson = await db.lesson.create({
      data: { userId: owner.id, rootCause: 'OTHER', whatHappened: 'Mine.' },
    });
    const before = await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    signInAs(await createUser());
    expect(
      await updateLessonAction({ id: lesson.id, values: { ...form, side: 'EMPLOYER', company: 'Fabrikam' } }),
    ).toEqual({ ok: false, code: 'NOT_FOUND', message: 'That lesson does not exist.' });
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toEqual(before);
  });
});

describe('the lessons of both sides in the list, the review and the export', () => {
  let owner: User;
  let employerLessonId: string;
  let candidateLessonId: string;

  beforeAll(async () => {
    owner = await createUser();
    const old = new Date(NOW.getTime() - 30 * DAY);
    employerLessonId = (
      await db.lesson.create({
        data: {
          userId: owner.id,
          side: 'EMPLOYER',
          company: 'Fabrikam',
          rootCause: 'TECHNICAL_PROBLEM',
          whatHappened: 'Their link was broken.',
          createdAt: old,
        },
      })
    ).id;
    candidateLessonId = (
      await db.lesson.create({
        data: { userId: owner.id, rootCause: 'FORGOT', whatHappened: 'I forgot.', createdAt: old },
      })
    ).id;
  });

  it('filters the list by side', async () => {
    const ids = async (side?: 'CANDIDATE' | 'EMPLOYER') =>
      (await listLessons(owner.id, { side }, owner.timeZone, NOW)).items.map((item) => [item.id, item.side]);
    expect(await ids('EMPLOYER')).toEqual([[employerLessonId, 'EMPLOYER']]);
    expect(await ids('CANDIDATE')).toEqual([[candidateLessonId, 'CANDIDATE']]);
    expect(await ids()).toHaveLength(2);
  });

  it('queues both sides for review', async () => {
    const queue = await getReviewQueue(owner.id, NOW);
    expect(queue.total).toBe(2);
  });

  it('exports the side, and only the side asked for', async () => {
    const read = async (side?: 'EMPLOYER') => {
      const file = await exportLessons(owner.id, { format: 'csv', filters: { side }, timeZone: 'UTC', now: NOW });
      return new Response(file.body).text();
    };
    const all = await read();
    expect(all).toContain('Source,Side,Company');
    expect(all).toContain('The employer’s side (added by hand),Employer’s side,Fabrikam');
    expect(all).toContain('Near miss (added by hand),My side,');
    const employerOnly = await read('EMPLOYER');
    expect(employerOnly).toContain(employerLessonId);
    expect(employerOnly).not.toContain(candidateLessonId);
  });
});

describe('employer-side lessons before the next interview with that company', () => {
  it('shows on upcoming interviews with the same company only, never from another user', async () => {
    const owner = await createUser();
    const other = await createUser();
    const ahead = new Date(NOW.getTime() + 2 * DAY);
    const fabrikam = await createInterview(owner.id, 'FABRIKAM ', { start: ahead, status: 'SCHEDULED' });
    const contoso = await createInterview(owner.id, 'Contoso', { start: ahead, status: 'SCHEDULED' });
    const { incident } = await createIncident(owner.id, 'Fabrikam', 'EMPLOYER_NO_SHOW');
    const lesson = await db.lesson.create({
      data: {
        userId: owner.id,
        incidentId: incident.id,
        company: 'Fabrikam',
        side: 'EMPLOYER',
        rootCause: 'OTHER',
        whatHappened: 'Nobody joined the call.',
        actions: { create: [{ text: 'Ask for a phone number', position: 0 }] },
      },
    });
    // Someone else's lesson about Contoso is not this user's learning.
    await db.lesson.create({
      data: { userId: other.id, company: 'Contoso', side: 'EMPLOYER', rootCause: 'OTHER', whatHappened: 'x' },
    });

    const hints = await getPreventionHints(owner.id, [fabrikam.id, contoso.id], NOW);
    expect(hints[fabrikam.id]).toEqual([
      expect.objectContaining({
        kind: 'employer-side',
        lessonId: lesson.id,
        suggestion: 'Last time FABRIKAM didn’t show up: confirm the link the day before.',
        actionTexts: ['Ask for a phone number'],
      }),
    ]);
    expect(hints[contoso.id]).toEqual([]);
    // The other user's ids are not theirs to see.
    expect(await getPreventionHints(other.id, [fabrikam.id], NOW)).toEqual({ [fabrikam.id]: [] });
  });

  it('reads the newest few per company, and leaves out lessons naming none', async () => {
    const owner = await createUser();
    const created = [];
    for (let index = 0; index < EMPLOYER_HINT_LESSONS_PER_COMPANY + 2; index += 1) {
      created.push(
        await db.lesson.create({
          data: {
            userId: owner.id,
            company: index % 2 ? 'Fabrikam' : ' fabrikam',
            side: 'EMPLOYER',
            rootCause: 'SCHEDULE_MIXUP',
            whatHappened: `Mix-up ${index}`,
            createdAt: new Date(NOW.getTime() - (10 - index) * DAY),
          },
        }),
      );
    }
    await db.lesson.create({ data: { userId: owner.id, side: 'EMPLOYER', rootCause: 'OTHER', whatHappened: 'x' } });
    const contoso = await db.lesson.create({
      data: { userId: owner.id, company: 'Contoso', side: 'EMPLOYER', rootCause: 'OTHER', whatHappened: 'y' },
    });
    const lessons = await findHintLessons(owner.id);
    const newestFabrikam = created
      .slice(-EMPLOYER_HINT_LESSONS_PER_COMPANY)
      .reverse()
      .map((row) => row.id);
    expect(lessons.map((row) => row.id)).toEqual([contoso.id, ...newestFabrikam]);
    expect(lessons.every((row) => row.side === 'EMPLOYER')).toBe(true);
  });
});

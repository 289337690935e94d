import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { getDatabaseUrl } from '@/lib/env';
import { PrismaClient, type InterviewFormat, type MissReason } from '@/lib/generated/prisma/client';
import { countLessonsDueForReview } from '@/lib/server/lessons/count-lessons-due-for-review';
import { createLesson as createLessonThroughServer } from '@/lib/server/lessons/create-lesson';
import { getPreventionHints } from '@/lib/server/lessons/get-prevention-hints';
import { getReviewQueue } from '@/lib/server/lessons/get-review-queue';
import { LESSON_PAGE_SIZE, listLessons } from '@/lib/server/lessons/list-lessons';
import { markLessonReviewed } from '@/lib/server/lessons/mark-lesson-reviewed';
import { parseLessonFilters } from '@/lib/validation/lessons';
import { createTestApplication } from './support/factories';

// A query-logging client installed where getDb() finds it, to check getPreventionHints' cost.
const statements: string[] = [];
const db = new PrismaClient({
  adapter: new PrismaPg({ connectionString: getDatabaseUrl(), max: 10 }),
  log: [{ emit: 'event', level: 'query' }],
});
db.$on('query', (event) => statements.push(event.query));
(globalThis as unknown as { prisma?: unknown }).prisma = db;

afterAll(() => db.$disconnect());

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T12:00:00Z');

async function createUser(timeZone = 'Europe/London') {
  return db.user.create({ data: { email: `lessons-q-${randomUUID()}@example.test`, name: 'Query Tester', timeZone } });
}

async function createInterview(
  userId: string,
  overrides: {
    format?: InterviewFormat;
    scheduledStart?: Date;
    timeZone?: string;
    status?: 'SCHEDULED' | 'COMPLETED';
  } = {},
) {
  return db.interview.create({
    data: {
      userId,
      applicationId: (await createTestApplication(userId, { company: 'Acme', roleTitle: 'Engineer' })).id,
      company: 'Acme',
      roleTitle: 'Engineer',
      scheduledStart: overrides.scheduledStart ?? new Date(NOW.getTime() + 7 * DAY),
      timeZone: overrides.timeZone ?? 'Europe/London',
      format: overrides.format ?? 'IN_PERSON',
      status: overrides.status ?? 'SCHEDULED',
      travelMinutes: 40,
      bufferMinutes: 5,
    },
  });
}

type LessonSpec = {
  rootCause?: MissReason;
  createdAt?: Date;
  reviewedAt?: Date | null;
  incidentAt?: Date;
  actions?: { text: string; retiredAt?: Date }[];
};

async function createLesson(userId: string, spec: LessonSpec = {}) {
  let incidentId: string | null = null;
  if (spec.incidentAt) {
    const interview = await createInterview(userId, { scheduledStart: spec.incidentAt, status: 'COMPLETED' });
    const incident = await db.missedIncident.create({
      data: { userId, interviewId: interview.id, reason: spec.rootCause ?? 'OTHER', recordedAt: spec.incidentAt },
    });
    incidentId = incident.id;
  }
  return db.lesson.create({
    data: {
      userId,
      incidentId,
      rootCause: spec.rootCause ?? 'OTHER',
      whatHappened: 'Something went wrong.',
      createdAt: spec.createdAt ?? NOW,
      reviewedAt: spec.reviewedAt ?? null,
      actions: {
        create: (spec.actions ?? [{ text: 'Do better' }]).map((action, position) => ({ ...action, position })),
      },
    },
  });
}

const idsOf = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('listLessons filters', () => {
  let user: Awaited<ReturnType<typeof createUser>>;
  const lessons: Record<string, string> = {};

  beforeAll(async () => {
    user = await createUser('America/New_York');
    const other = await createUser('America/New_York');
    lessons.trafficMarch = (
      await createLesson(user.id, {
        rootCause: 'TRAFFIC_TRANSPORT',
        incidentAt: new Date('2026-03-10T15:00:00Z'),
        createdAt: new Date('2026-03-11T00:00:00Z'),
      })
    ).id;
    // 03:30Z on 1 April is still 31 March in New York.
    lessons.forgotLateMarch = (
      await createLesson(user.id, {
        rootCause: 'FORGOT',
        incidentAt: new Date('2026-04-01T03:30:00Z'),
        createdAt: new Date('2026-04-02T00:00:00Z'),
      })
    ).id;
    // A near miss has no incident: it is dated by when it was written down.
    lessons.nearMissMay = (
      await createLesson(user.id, { rootCause: 'FORGOT', createdAt: new Date('2026-05-05T12:00:00Z') })
    ).id;
    await createLesson(other.id, { rootCause: 'FORGOT', createdAt: new Date('2026-05-05T12:00:00Z') });
  });

  const list = async (params: Record<string, string | string[]>) =>
    idsOf((await listLessons(user.id, parseLessonFilters(params), user.timeZone)).items);

  it('lists every lesson of the user, newest first, and none of anyone else', async () => {
    expect(await list({})).toEqual([lessons.nearMissMay, lessons.forgotLateMarch, lessons.trafficMarch]);
  });

  it('filters by root cause', async () => {
    expect(await list({ cause: 'FORGOT' })).toEqual([lessons.nearMissMay, lessons.forgotLateMarch]);
    expect(await list({ cause: 'ILLNESS' })).toEqual([]);
  });

  it('filters by whole days in the user’s zone, by when it happened', async () => {
    expect(await list({ from: '2026-03-01', to: '2026-03-31' })).toEqual([
      lessons.forgotLateMarch,
      lessons.trafficMarch,
    ]);
    expect(await list({ from: '2026-04-01' })).toEqual([lessons.nearMissMay]);
    expect(await list({ to: '2026-03-10' })).toEqual([lessons.trafficMarch]);
    expect(await list({ cause: 'FORGOT', from: '2026-05-01', to: '2026-05-31' })).toEqual([lessons.nearMissMay]);
  });

  it('ignores an unknown cause or a bad date instead of failing', async () => {
    const all = await list({});
    expect(await list({ cause: 'ALIENS' })).toEqual(all);
    expect(await list({ from: '2026-02-30', to: 'soon' })).toEqual(all);
    expect(await list({ cause: ['FORGOT', 'OTHER'] })).toEqual(all);
    expect(await list({ cursor: 'not-a-cursor' })).toEqual(all);
  });

  it('pages by keyset without skipping or repeating lessons that share a creation time', async () => {
    const pager = await createUser();
    const sameTime = new Date('2026-01-01T00:00:00Z');
    const created = await db.lesson.createManyAndReturn({
      data: Array.from({ length: LESSON_PAGE_SIZE + 5 }, () => ({
        userId: pager.id,
        rootCause: 'OTHER' as const,
        whatHappened: 'x',
        createdAt: sameTime,
      })),
      select: { id: true },
    });
    const first = await listLessons(pager.id, parseLessonFilters({}), pager.timeZone);
    expect(first.items).toHaveLength(LESSON_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listLessons(pager.id, parseLessonFilters({ cursor: first.nextCursor ?? '' }), pager.timeZone);
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect([...idsOf(first.items), ...idsOf(second.items)].sort()).toEqual(idsOf(created).sort());
  });
});

describe('review', () => {
  it('counts the due lessons out of all the user’s lessons, only the user’s', async () => {
    const user = await createUser();
    const other = await createUser();
    await createLesson(user.id, { createdAt: new Date(NOW.getTime() - 8 * DAY) });
    await createLesson(user.id, { createdAt: new Date(NOW.getTime() - DAY) });
    await createLesson(user.id, {
      createdAt: new Date(NOW.getTime() - 60 * DAY),
      reviewedAt: new Date(NOW.getTime() - 5 * DAY),
    });
    await createLesson(other.id, { createdAt: new Date(NOW.getTime() - 30 * DAY) });
    expect(await countLessonsDueForReview(user.id, NOW)).toEqual({ due: 1, total: 3 });
    expect(await countLessonsDueForReview(user.id, new Date(NOW.getTime() + 5 * DAY))).toEqual({ due: 2, total: 3 });
  });

  it('does not call a lesson saved now due; it falls due after a week, then spaces out after each review', async () => {
    const user = await createUser();
    const saved = new Date();
    const { id } = await createLessonThroughServer(user.id, {
      rootCause: 'FORGOT',
      whatHappened: 'Nearly forgot the call.',
      actions: [{ text: 'Set two alarms' }],
    });
    const due = async (at: Date) => (await countLessonsDueForReview(user.id, at)).due;
    const dueOnList = async (at: Date) =>
      (await listLessons(user.id, parseLessonFilters({}), user.timeZone, at)).items[0]?.isDueForReview;
    const inDays = (days: number) => new Date(saved.getTime() + days * DAY);

    expect(await due(new Date(saved.getTime() + 60_000))).toBe(0);
    expect(await dueOnList(new Date(saved.getTime() + 60_000))).toBe(false);
    expect(await due(inDays(6.9))).toBe(0);
    expect(await due(inDays(7.01))).toBe(1);
    expect(await dueOnList(inDays(7.01))).toBe(true);
    expect((await getReviewQueue(user.id, inDays(7.01))).current?.id).toBe(id);

    await markLessonReviewed(user.id, id, inDays(8));
    expect(await due(inDays(8.01))).toBe(0);
    expect(await due(inDays(21.9))).toBe(0);
    expect(await due(inDays(22.01))).toBe(1);

    await markLessonReviewed(user.id, id, inDays(23));
    expect(await due(inDays(50))).toBe(0);
    expect(await due(inDays(51.01))).toBe(1);
  });

  it('calls a lesson back a day before the next interview when that is sooner than its interval', async () => {
    const user = await createUser();
    const lesson = await createLesson(user.id, { createdAt: NOW });
    const interview = await createInterview(user.id, { scheduledStart: new Date(NOW.getTime() + 3 * DAY) });
    const due = async (at: Date) => (await countLessonsDueForReview(user.id, at)).due;

    expect(await due(new Date(NOW.getTime() + 2 * DAY - 60_000))).toBe(0);
    expect(await due(new Date(NOW.getTime() + 2 * DAY))).toBe(1);
    expect(await due(new Date(NOW.getTime() + 3.5 * DAY))).toBe(1);

    await markLessonReviewed(user.id, lesson.id, new Date(NOW.getTime() + 2.5 * DAY));
    expect(await due(new Date(NOW.getTime() + 3.5 * DAY))).toBe(0);

    // A cancelled interview never happens, so it calls nothing back.
    await db.interview.update({ where: { id: interview.id }, data: { status: 'CANCELLED' } });
    const fresh = await createUser();
    await createLesson(fresh.id, { createdAt: NOW });
    await createInterview(fresh.id, { scheduledStart: new Date(NOW.getTime() + 3 * DAY) });
    await db.interview.updateMany({ where: { userId: fresh.id }, data: { status: 'CANCELLED' } });
    expect((await countLessonsDueForReview(fresh.id, new Date(NOW.getTime() + 2.5 * DAY))).due).toBe(0);
  });

  it('does not call back a lesson written less than a day before the interview', async () => {
    const user = await createUser();
    await createInterview(user.id, { scheduledStart: new Date(NOW.getTime() + 5 * 3_600_000) });
    await createLesson(user.id, { createdAt: NOW });
    expect((await countLessonsDueForReview(user.id, new Date(NOW.getTime() + 3_600_000))).due).toBe(0);
  });

  it('walks the due lessons one by one: never reviewed first, then the longest unreviewed', async () => {
    const user = await createUser();
    const stale = await createLesson(user.id, {
      reviewedAt: new Date(NOW.getTime() - 60 * DAY),
      createdAt: new Date(NOW.getTime() - 90 * DAY),
    });
    const neverOld = await createLesson(user.id, { createdAt: new Date(NOW.getTime() - 10 * DAY) });
    const neverNew = await createLesson(user.id, { createdAt: new Date(NOW.getTime() - 8 * DAY) });
    await createLesson(user.id, {
      reviewedAt: new Date(NOW.getTime() - DAY),
      createdAt: new Date(NOW.getTime() - 20 * DAY),
    });
    await createLesson(user.id, { createdAt: new Date(NOW.getTime() - DAY) });

    const start = await getReviewQueue(user.id, NOW);
    expect(start).toMatchObject({ position: 1, total: 3, nextId: neverNew.id });
    expect(start.current?.id).toBe(neverOld.id);
    const skipped = await getReviewQueue(user.id, NOW, neverNew.id);
    expect(skipped).toMatchObject({ position: 2, nextId: stale.id });
    const last = await getReviewQueue(user.id, NOW, stale.id);
    expect(last).toMatchObject({ position: 3, nextId: neverOld.id });

    const other = await createUser();
    const foreign = await createLesson(other.id, { createdAt: new Date(NOW.getTime() - 10 * DAY) });
    const intruding = await getReviewQueue(user.id, NOW, foreign.id);
    expect(intruding.current?.id).toBe(neverOld.id);
    expect(await getReviewQueue(other.id, NOW, neverOld.id)).toMatchObject({ position: 1, total: 1 });
  });

  it('is empty when nothing is due', async () => {
    const user = await createUser();
    await createLesson(user.id, { reviewedAt: NOW });
    await createLesson(user.id, { createdAt: NOW });
    expect(await getReviewQueue(user.id, NOW)).toEqual({ current: null, position: 0, total: 0, nextId: null });
  });
});

describe('getPreventionHints', () => {
  it('applies the user’s lessons to each of their upcoming interviews, never retired actions', async () => {
    const user = await createUser('Europe/London');
    const inPerson = await createInterview(user.id, { format: 'IN_PERSON' });
    const video = await createInterview(user.id, { format: 'VIDEO', timeZone: 'America/New_York' });
    const past = await createInterview(user.id, { scheduledStart: new Date(NOW.getTime() - DAY) });
    const done = await createInterview(user.id, { status: 'COMPLETED' });
    await createLesson(user.id, {
      rootCause: 'TRAFFIC_TRANSPORT',
      actions: [{ text: 'Take the earlier train' }, { text: 'Old habit', retiredAt: NOW }],
    });
    await createLesson(user.id, { rootCause: 'TIMEZONE_ERROR', actions: [{ text: 'Check the zone' }] });
    await createLesson(user.id, { rootCause: 'FORGOT', actions: [{ text: 'All habit', retiredAt: NOW }] });

    const other = await createUser();
    const foreignInterview = await createInterview(other.id);
    await createLesson(other.id, { rootCause: 'SCHEDULE_MIXUP' });

    const hints = await getPreventionHints(
      user.id,
      [inPerson.id, video.id, past.id, done.id, foreignInterview.id],
      NOW,
    );
    expect(hints[inPerson.id]?.map((hint) => [hint.kind, hint.actionTexts])).toEqual([
      ['extra-buffer', ['Take the earlier train']],
    ]);
    const buffer = hints[inPerson.id]?.[0];
    if (buffer?.kind !== 'extra-buffer') throw new Error('expected an extra-buffer hint');
    // start − 15 early − (5 + 30) buffer − 40 travel
    expect(buffer.leaveBy).toEqual(new Date(inPerson.scheduledStart.getTime() - 90 * 60_000));
    expect(hints[video.id]?.map((hint) => hint.kind)).toEqual(['time-zone-check']);
    expect(hints[past.id]).toEqual([]);
    expect(hints[done.id]).toEqual([]);
    expect(hints[foreignInterview.id]).toEqual([]);
  });

  it('costs the same number of queries for 2 interviews as for 20', async () => {
    const user = await createUser();
    const interviews = await Promise.all(Array.from({ length: 20 }, () => createInterview(user.id)));
    await Promise.all(Array.from({ length: 10 }, () => createLesson(user.id, { rootCause: 'TRAFFIC_TRANSPORT' })));
    const count = async (ids: string[]) => {
      statements.length = 0;
      const hints = await getPreventionHints(user.id, ids, NOW);
      return { count: statements.length, hints };
    };
    const few = await count(idsOf(interviews.slice(0, 2)));
    const many = await count(idsOf(interviews));
    expect(many.count).toBe(few.count);
    expect(Object.values(many.hints).every((list) => list.length === 10)).toBe(true);
    expect(await getPreventionHints(user.id, [], NOW)).toEqual({});
  });
});

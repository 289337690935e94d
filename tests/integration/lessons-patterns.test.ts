import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { computeMedian } from '@/lib/domain/lesson-stats';
import { minutesSinceMiss } from '@/lib/domain/recovery-timing';
import { getDatabaseUrl } from '@/lib/env';
import {
  PrismaClient,
  type IncidentKind,
  type IncidentOutcome,
  type MissReason,
  type RescheduleStatus,
} from '@/lib/generated/prisma/client';
import { getPatterns } from '@/lib/server/lessons/get-patterns';
import { createTestApplication } from './support/factories';

// Every SQL statement the app sends goes through this client: getDb() reuses the client it finds
// on globalThis, so installing one that logs queries before the first getDb() call counts the
// real statements (nested relation loads and raw queries alike), not just Prisma calls.
const statements: string[] = [];
const countingClient = new PrismaClient({
  adapter: new PrismaPg({ connectionString: getDatabaseUrl(), max: 10 }),
  log: [{ emit: 'event', level: 'query' }],
});
countingClient.$on('query', (event) => statements.push(event.query));
(globalThis as unknown as { prisma?: unknown }).prisma = countingClient;
const db = countingClient;

afterAll(() => db.$disconnect());

const MINUTE = 60_000;
const NOW = new Date('2026-06-15T12:00:00Z');

async function createUser(timeZone = 'Europe/London') {
  return db.user.create({ data: { email: `patterns-${randomUUID()}@example.test`, name: 'Pat Terns', timeZone } });
}

type IncidentSpec = { reason?: MissReason; kind?: IncidentKind; recordedAt: Date; outcome?: IncidentOutcome | null };

async function createIncident(userId: string, spec: IncidentSpec) {
  const interview = await db.interview.create({
    data: {
      userId,
      applicationId: (await createTestApplication(userId, { company: 'Acme', roleTitle: 'Engineer' })).id,
      company: 'Acme',
      roleTitle: 'Engineer',
      scheduledStart: spec.recordedAt,
      timeZone: 'Europe/London',
      format: 'IN_PERSON',
      status: 'MISSED',
    },
  });
  return db.missedIncident.create({
    data: {
      userId,
      interviewId: interview.id,
      reason: spec.reason ?? 'OTHER',
      kind: spec.kind ?? 'MISSED',
      recordedAt: spec.recordedAt,
      outcome: spec.outcome ?? null,
    },
  });
}

const after = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

async function addCall(
  userId: string,
  incident: { id: string; recordedAt: Date },
  minutes: number,
  status: 'DONE' | 'SKIPPED' = 'DONE',
) {
  await db.recoveryStep.create({
    data: { userId, incidentId: incident.id, step: 'CALL', status, completedAt: after(incident.recordedAt, minutes) },
  });
}

async function addMessage(
  userId: string,
  incident: { id: string; interviewId: string; recordedAt: Date },
  kind: 'APOLOGY' | 'RESCHEDULE_REQUEST',
  sentAfterMinutes: number | null,
) {
  await db.message.create({
    data: {
      userId,
      incidentId: incident.id,
      interviewId: incident.interviewId,
      kind,
      channel: 'EMAIL',
      body: 'Sorry.',
      status: sentAfterMinutes === null ? 'DRAFT' : 'SENT',
      sentAt: sentAfterMinutes === null ? null : after(incident.recordedAt, sentAfterMinutes),
    },
  });
}

async function addRequest(userId: string, incidentId: string, status: RescheduleStatus, askedAt: Date) {
  await db.rescheduleRequest.create({ data: { userId, incidentId, channel: 'EMAIL', status, askedAt } });
}

/**
 * A user with `count` incidents, each with a lesson, a call, an apology and a request, and as
 * many near misses: everything the statistics read, in bulk.
 */
async function seedVolume(count: number) {
  const user = await createUser();
  const application = await createTestApplication(user.id);
  const interviews = await db.interview.createManyAndReturn({
    data: Array.from({ length: count }, (_, index) => ({
      userId: user.id,
      applicationId: application.id,
      company: `Company ${index}`,
      roleTitle: 'Engineer',
      scheduledStart: new Date(NOW.getTime() - (index + 1) * 86_400_000),
      timeZone: 'Europe/London',
      format: 'IN_PERSON' as const,
    })),
    select: { id: true, scheduledStart: true },
  });
  const incidents = await db.missedIncident.createManyAndReturn({
    data: interviews.map((interview, index) => ({
      userId: user.id,
      interviewId: interview.id,
      reason: (['TRAFFIC_TRANSPORT', 'FORGOT', 'TIMEZONE_ERROR'] as const)[index % 3] ?? 'OTHER',
      kind: index % 4 === 0 ? ('RUNNING_LATE' as const) : ('MISSED' as const),
      recordedAt: interview.scheduledStart,
    })),
    select: { id: true, interviewId: true, recordedAt: true },
  });
  await db.recoveryStep.createMany({
    data: incidents.map((incident, index) => ({
      userId: user.id,
      incidentId: incident.id,
      step: 'CALL' as const,
      status: 'DONE' as const,
      completedAt: after(incident.recordedAt, index + 5),
    })),
  });
  await db.message.createMany({
    data: incidents.map((incident, index) => ({
      userId: user.id,
      incidentId: incident.id,
      interviewId: incident.interviewId,
      kind: 'APOLOGY' as const,
      channel: 'EMAIL' as const,
      body: 'Sorry.',
      status: 'SENT' as const,
      sentAt: after(incident.recordedAt, 30 + index),
    })),
  });
  await db.rescheduleRequest.createMany({
    data: incidents.map((incident, index) => ({
      userId: user.id,
      incidentId: incident.id,
      channel: 'EMAIL' as const,
      status: index % 2 === 0 ? ('ACCEPTED' as const) : ('DECLINED' as const),
    })),
  });
  await db.lesson.createMany({
    data: [
      ...incidents.map((incident) => ({
        userId: user.id,
        incidentId: incident.id,
        rootCause: 'TRAFFIC_TRANSPORT' as const,
        whatHappened: 'Late.',
      })),
      ...incidents.map(() => ({ userId: user.id, rootCause: 'FORGOT' as const, whatHappened: 'Nearly forgot.' })),
    ],
  });
  return user;
}

async function countStatements<T>(run: () => Promise<T>): Promise<{ result: T; count: number }> {
  statements.length = 0;
  const result = await run();
  return { result, count: statements.length };
}

describe('getPatterns: cost', () => {
  // Seeding 63 incidents with their lessons takes seconds on a busy machine.
  it('sends the same small number of queries for 3 and for 60 lessons', async () => {
    const [small, large] = [await seedVolume(3), await seedVolume(60)];

    const forSmall = await countStatements(() => getPatterns(small.id, small.timeZone, NOW));
    const forLarge = await countStatements(() => getPatterns(large.id, large.timeZone, NOW));

    expect(forSmall.result.totals).toEqual({ incidents: 3, nearMisses: 3, noShows: 0, employerReschedules: 0 });
    expect(forLarge.result.totals).toEqual({ incidents: 60, nearMisses: 60, noShows: 0, employerReschedules: 0 });
    expect(forLarge.count).toBe(forSmall.count);
    expect(forSmall.count).toBeGreaterThan(0);
    // Causes, months, outcomes, timing and requests, and the companies.
    expect(forSmall.count).toBeLessThanOrEqual(5);
    // The work is done by the database: aggregates, not rows, come back.
    expect(statements.every((sql) => /\b(count|percentile_cont)\(/i.test(sql))).toBe(true);
  }, 30_000);
});

describe('getPatterns: values', () => {
  let user: Awaited<ReturnType<typeof createUser>>;
  let stranger: Awaited<ReturnType<typeof createUser>>;
  const callMinutes = [10, 20, 30, 60];
  const apologyMinutes = [30, 90, 120];

  beforeAll(async () => {
    // Tokyo, so that the month of an incident depends on the user's zone, not UTC.
    user = await createUser('Asia/Tokyo');
    stranger = await createUser('Asia/Tokyo');
    const base = new Date('2026-05-10T03:00:00Z');
    const first = await createIncident(user.id, {
      reason: 'TRAFFIC_TRANSPORT',
      recordedAt: base,
      outcome: 'RESCHEDULED',
    });
    const second = await createIncident(user.id, { reason: 'TRAFFIC_TRANSPORT', recordedAt: after(base, 1440) });
    const third = await createIncident(user.id, {
      reason: 'FORGOT',
      kind: 'RUNNING_LATE',
      recordedAt: new Date('2026-01-31T20:00:00Z'),
    });
    const fourth = await createIncident(user.id, {
      reason: 'SCHEDULE_MIXUP',
      recordedAt: new Date('2026-06-01T00:00:00Z'),
    });
    const fifth = await createIncident(user.id, { reason: 'OTHER', recordedAt: new Date('2026-06-02T00:00:00Z') });
    const [call1 = 0, call2 = 0, call3 = 0, call4 = 0] = callMinutes;
    await addCall(user.id, first, call1);
    await addCall(user.id, second, call2);
    await addCall(user.id, third, call3);
    await addCall(user.id, fourth, call4);
    await addCall(user.id, fifth, 1, 'SKIPPED'); // skipped, not done: no call to time
    const [apology1 = 0, apology2 = 0, apology3 = 0] = apologyMinutes;
    await addMessage(user.id, first, 'RESCHEDULE_REQUEST', 5); // not an apology
    await addMessage(user.id, first, 'APOLOGY', apology1);
    await addMessage(user.id, first, 'APOLOGY', 500); // a second apology: the first one counts
    await addMessage(user.id, second, 'APOLOGY', apology2);
    await addMessage(user.id, third, 'APOLOGY', apology3);
    await addMessage(user.id, fourth, 'APOLOGY', null); // a draft: not sent
    await addRequest(user.id, first.id, 'ACCEPTED', base);
    await addRequest(user.id, second.id, 'PENDING', base);
    await addRequest(user.id, second.id, 'DECLINED', after(base, 60)); // the latest one gives the outcome
    await addRequest(user.id, third.id, 'NO_RESPONSE', base);
    await addRequest(user.id, fourth.id, 'ACCEPTED', base);
    // The lesson's cause wins over the reason given when marking the miss.
    await db.lesson.create({
      data: { userId: user.id, incidentId: fifth.id, rootCause: 'TIMEZONE_ERROR', whatHappened: 'Wrong zone.' },
    });
    await db.lesson.create({ data: { userId: user.id, rootCause: 'FORGOT', whatHappened: 'Nearly.' } });

    // Someone else's rows, shaped the same, must not count.
    const foreign = await createIncident(stranger.id, {
      reason: 'TRAFFIC_TRANSPORT',
      recordedAt: base,
      outcome: 'DECLINED',
    });
    await addCall(stranger.id, foreign, 1000);
    await addMessage(stranger.id, foreign, 'APOLOGY', 1);
    await addRequest(stranger.id, foreign.id, 'DECLINED', base);
    await db.lesson.create({ data: { userId: stranger.id, rootCause: 'FORGOT', whatHappened: 'Theirs.' } });
  });

  it('counts incidents by root cause and kind, and near misses', async () => {
    const patterns = await getPatterns(user.id, user.timeZone, NOW);
    const byCause = Object.fromEntries(patterns.byCause.map((row) => [row.rootCause, row]));
    expect(patterns.byCause).toHaveLength(8);
    expect(byCause.TRAFFIC_TRANSPORT).toEqual({
      rootCause: 'TRAFFIC_TRANSPORT',
      missed: 2,
      runningLate: 0,
      nearMisses: 0,
    });
    expect(byCause.FORGOT).toEqual({ rootCause: 'FORGOT', missed: 0, runningLate: 1, nearMisses: 1 });
    expect(byCause.TIMEZONE_ERROR).toMatchObject({ missed: 1 });
    expect(byCause.OTHER).toMatchObject({ missed: 0 });
    expect(patterns.totals).toEqual({ incidents: 5, nearMisses: 1, noShows: 0, employerReschedules: 0 });
  });

  it('computes the medians in the database the same way as computeMedian (even and odd counts)', async () => {
    const { timing } = await getPatterns(user.id, user.timeZone, NOW);
    expect(timing.callsCounted).toBe(4);
    expect(timing.medianMinutesToCall).toBeCloseTo(computeMedian(callMinutes) ?? Number.NaN, 6);
    expect(timing.medianMinutesToCall).toBeCloseTo(25, 6);
    expect(timing.apologiesCounted).toBe(3);
    expect(timing.medianMinutesToApology).toBeCloseTo(computeMedian(apologyMinutes) ?? Number.NaN, 6);
    expect(timing.medianMinutesToApology).toBeCloseTo(90, 6);
  });

  it('groups recovery outcomes and computes the reschedule success rate from decided requests', async () => {
    const patterns = await getPatterns(user.id, user.timeZone, NOW);
    const outcomes = Object.fromEntries(patterns.outcomes.map((row) => [row.outcome, row.count]));
    expect(outcomes).toEqual({
      RESCHEDULED: 2,
      DECLINED: 1,
      NO_RESPONSE: 1,
      ATTENDED_LATE: 0,
      WAITING: 0,
      NOT_ASKED: 1,
    });
    expect(patterns.reschedule).toEqual({ accepted: 2, declined: 1, noResponse: 1, pending: 1, successRate: 2 / 3 });
  });

  it('buckets incidents by month in the user’s zone, with empty months filled in', async () => {
    const { byMonth } = await getPatterns(user.id, user.timeZone, NOW);
    expect(byMonth).toHaveLength(12);
    expect(byMonth[0]?.month).toBe('2025-07');
    expect(byMonth.at(-1)?.month).toBe('2026-06');
    const months = Object.fromEntries(byMonth.map((row) => [row.month, row]));
    // 2026-01-31T20:00Z is already 1 February in Tokyo.
    expect(months['2026-01']).toEqual({ month: '2026-01', missed: 0, runningLate: 0 });
    expect(months['2026-02']).toEqual({ month: '2026-02', missed: 0, runningLate: 1 });
    expect(months['2026-05']).toEqual({ month: '2026-05', missed: 2, runningLate: 0 });
    expect(months['2026-06']).toEqual({ month: '2026-06', missed: 2, runningLate: 0 });
  });

  it('answers zeros and unknowns, not errors, for a user with nothing yet', async () => {
    const empty = await createUser();
    const patterns = await getPatterns(empty.id, empty.timeZone, NOW);
    expect(patterns.totals).toEqual({ incidents: 0, nearMisses: 0, noShows: 0, employerReschedules: 0 });
    expect(patterns.timing).toEqual({
      medianMinutesToCall: null,
      callsCounted: 0,
      medianMinutesToApology: null,
      apologiesCounted: 0,
    });
    expect(patterns.reschedule.successRate).toBeNull();
    expect(patterns.byMonth).toHaveLength(12);
    expect(patterns.byMonth.every((row) => row.missed === 0 && row.runningLate === 0)).toBe(true);
  });

  it('reaches further back than a year when there is older data, up to two years', async () => {
    const veteran = await createUser();
    await createIncident(veteran.id, { recordedAt: new Date('2025-01-15T12:00:00Z') });
    await createIncident(veteran.id, { recordedAt: new Date('2023-01-15T12:00:00Z') }); // older than two years: left out
    const { byMonth, totals } = await getPatterns(veteran.id, veteran.timeZone, NOW);
    expect(byMonth[0]).toEqual({ month: '2025-01', missed: 1, runningLate: 0 });
    expect(byMonth).toHaveLength(18);
    expect(totals.incidents).toBe(2);
  });
});

describe('getPatterns: how fast the employer was contacted', () => {
  it('measures from the interview’s start (or, running late, from when it was recorded), as minutesSinceMiss does', async () => {
    const owner = await createUser();
    const start = new Date('2026-05-12T08:00:00Z');
    // Missed at 08:00, noticed and recorded at 10:00, called at 10:05: 125 minutes, not 5.
    const missed = { kind: 'MISSED' as const, scheduledStart: start, recordedAt: after(start, 120) };
    // Running late, recorded (and so known) at 07:30, called at 07:35: 5 minutes.
    const late = { kind: 'RUNNING_LATE' as const, scheduledStart: start, recordedAt: after(start, -30) };
    for (const spec of [missed, late]) {
      const interview = await db.interview.create({
        data: {
          userId: owner.id,
          applicationId: (await createTestApplication(owner.id, { company: 'Acme', roleTitle: 'Engineer' })).id,
          company: 'Acme',
          roleTitle: 'Engineer',
          scheduledStart: spec.scheduledStart,
          timeZone: 'Europe/London',
          format: 'IN_PERSON',
        },
      });
      const incident = await db.missedIncident.create({
        data: {
          userId: owner.id,
          interviewId: interview.id,
          reason: 'OTHER',
          kind: spec.kind,
          recordedAt: spec.recordedAt,
        },
      });
      await addCall(owner.id, incident, 5);
      await addMessage(owner.id, incident, 'APOLOGY', 15);
    }

    const { timing } = await getPatterns(owner.id, owner.timeZone, NOW);
    const calls = [
      minutesSinceMiss(missed, after(missed.recordedAt, 5)),
      minutesSinceMiss(late, after(late.recordedAt, 5)),
    ] as number[];
    expect(calls).toEqual([125, 5]);
    expect(timing.medianMinutesToCall).toBeCloseTo(computeMedian(calls) ?? Number.NaN, 6);
    expect(timing.medianMinutesToCall).toBeCloseTo(65, 6);
    expect(timing.medianMinutesToApology).toBeCloseTo(computeMedian([135, 15]) ?? Number.NaN, 6);
  });
});

import { randomUUID } from 'node:crypto';
import { startRelayFor, type startStatementCounter } from '@/bench/lib/statement-counter.mjs';
import { getDb } from '@/lib/db';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import type { ApplicationSource, StageChangeCause } from '@/lib/generated/prisma/enums';
import { getApplicationInsights } from '@/lib/server/applications/get-application-insights';
import { getPatterns } from '@/lib/server/lessons/get-patterns';
import { loadPatternsPage } from '@/lib/server/pages/lessons';
import { createSession } from '@/lib/server/sessions/create-session';
import { findSessionUser } from '@/lib/server/sessions/find-session-user';
import { createTestUser, ensureTestStages } from './support/factories';

// The applications' insights on the patterns page, against a user whose numbers are worked out
// by hand below; another user's rows are in the same tables and must never count.

let relay: Awaited<ReturnType<typeof startStatementCounter>>;

beforeAll(async () => {
  // The relay goes in front of the database before the app's client is first created.
  const started = await startRelayFor(process.env.DATABASE_URL ?? '');
  relay = started.relay;
  process.env.DATABASE_URL = started.url;
});

afterAll(async () => {
  await getDb().$disconnect();
  await relay.close();
});

// A Wednesday; London is on GMT, so local midnight is UTC midnight.
const NOW = new Date('2026-11-18T12:00:00Z');
const at = (iso: string) => new Date(iso);

type Stages = Awaited<ReturnType<typeof ensureTestStages>>;
const stageId = (stages: Stages, key: string) => {
  const stage = stages.find((candidate) => candidate.systemKey === key);
  if (!stage) throw new Error(key);
  return stage.id;
};

type Move = { to: string; at: string; cause?: StageChangeCause; from?: string };
type Spec = {
  company?: string;
  source: ApplicationSource | null;
  appliedOn: string | null;
  stage: string;
  createdAt?: string;
  lastReplyAt?: string;
  moves: Move[];
  rounds?: { createdAt: string; start: string }[];
};

async function createApplication(userId: string, stages: Stages, spec: Spec) {
  const db = getDb();
  const company = spec.company ?? `Company ${randomUUID().slice(0, 8)}`;
  const application = await db.application.create({
    data: {
      userId,
      company,
      roleTitle: 'Engineer',
      matchKey: applicationMatchKey(company, 'Engineer'),
      source: spec.source,
      appliedOn: spec.appliedOn ? at(`${spec.appliedOn}T00:00:00Z`) : null,
      stageId: stageId(stages, spec.stage),
      lastReplyAt: spec.lastReplyAt ? at(spec.lastReplyAt) : null,
      createdAt: at(spec.createdAt ?? spec.moves[0]?.at ?? '2026-11-01T00:00:00Z'),
    },
  });
  await db.stageChange.createMany({
    data: spec.moves.map((move) => ({
      userId,
      applicationId: application.id,
      fromStageId: move.from ? stageId(stages, move.from) : null,
      fromStageName: move.from ?? null,
      toStageId: stageId(stages, move.to),
      toStageName: move.to,
      changedAt: at(move.at),
      cause: move.cause ?? 'USER',
    })),
  });
  await db.interview.createMany({
    data: (spec.rounds ?? []).map((round) => ({
      userId,
      applicationId: application.id,
      company,
      roleTitle: 'Engineer',
      scheduledStart: at(round.start),
      durationMinutes: 60,
      timeZone: 'Europe/London',
      format: 'VIDEO' as const,
      createdAt: at(round.createdAt),
    })),
  });
  return application;
}

/** The seven applications the expectations below are worked out for. */
async function seedKnownUser() {
  const user = await createTestUser({ timeZone: 'Europe/London' });
  const stages = await ensureTestStages(user.id);
  const specs: Spec[] = [
    // A1: replied by moving to Screening 3 days 9 hours after applying.
    {
      source: 'JOB_BOARD',
      appliedOn: '2026-11-02',
      stage: 'SCREENING',
      moves: [
        { to: 'APPLIED', at: '2026-11-02T09:00:00Z' },
        { from: 'APPLIED', to: 'SCREENING', at: '2026-11-05T09:00:00Z' },
      ],
    },
    // A2: no reply; 14 days in Applied have passed since the move.
    {
      source: 'JOB_BOARD',
      appliedOn: '2026-11-03',
      stage: 'APPLIED',
      moves: [{ to: 'APPLIED', at: '2026-11-03T10:00:00Z' }],
    },
    // A3: rejected 2 days 9 hours after applying (a rejection is a reply).
    {
      source: 'REFERRAL',
      appliedOn: '2026-11-10',
      stage: 'REJECTED',
      moves: [
        { to: 'APPLIED', at: '2026-11-10T09:00:00Z' },
        { from: 'APPLIED', to: 'REJECTED', at: '2026-11-12T09:00:00Z' },
      ],
    },
    // A4: a round added 1 day 8 hours after applying, before the move it caused.
    {
      source: 'REFERRAL',
      appliedOn: '2026-11-16',
      stage: 'INTERVIEWING',
      moves: [
        { to: 'APPLIED', at: '2026-11-16T09:00:00Z' },
        { from: 'APPLIED', to: 'INTERVIEWING', at: '2026-11-17T09:00:00Z', cause: 'INTERVIEW_SCHEDULED' },
      ],
      rounds: [{ createdAt: '2026-11-17T08:00:00Z', start: '2026-11-20T10:00:00Z' }],
    },
    // A5: only saved, never sent; counted in its week by the day it was added.
    {
      source: null,
      appliedOn: null,
      stage: 'SAVED',
      createdAt: '2026-11-18T08:00:00Z',
      moves: [{ to: 'SAVED', at: '2026-11-18T08:00:00Z' }],
    },
    // A6: before the 12 weeks; ghosted, though the user recorded a reply 7 days (and an hour: BST) after applying.
    {
      source: 'JOB_BOARD',
      appliedOn: '2026-08-03',
      stage: 'GHOSTED',
      lastReplyAt: '2026-08-10T00:00:00Z',
      moves: [
        { to: 'APPLIED', at: '2026-08-03T09:00:00Z' },
        { from: 'APPLIED', to: 'GHOSTED', at: '2026-09-01T09:00:00Z' },
      ],
    },
    // A7: its last round ended on Tuesday 10 Nov at 15:00: 7 calendar days have passed, but not
    // 7 business days (those end on Thursday 19 Nov), so it is not past its threshold yet.
    {
      source: 'COMPANY_SITE',
      appliedOn: '2026-11-01',
      stage: 'INTERVIEWING',
      moves: [
        { to: 'APPLIED', at: '2026-11-01T10:00:00Z' },
        { from: 'APPLIED', to: 'INTERVIEWING', at: '2026-11-02T09:00:00Z' },
      ],
      rounds: [{ createdAt: '2026-11-02T08:30:00Z', start: '2026-11-10T14:00:00Z' }],
    },
  ];
  for (const spec of specs) await createApplication(user.id, stages, spec);
  return user;
}

/** Someone else with applications everywhere the known user has them: none of it may count. */
async function seedOtherUser() {
  const other = await createTestUser();
  const stages = await ensureTestStages(other.id);
  for (const stage of ['SAVED', 'APPLIED', 'SCREENING', 'INTERVIEWING', 'OFFER', 'REJECTED']) {
    await createApplication(other.id, stages, {
      source: 'JOB_BOARD',
      appliedOn: '2026-11-09',
      stage,
      lastReplyAt: '2026-11-10T00:00:00Z',
      moves: [
        { to: 'APPLIED', at: '2026-11-09T09:00:00Z' },
        { from: 'APPLIED', to: stage, at: '2026-11-10T09:00:00Z' },
      ],
      rounds: [{ createdAt: '2026-11-09T10:00:00Z', start: '2026-11-11T10:00:00Z' }],
    });
  }
}

describe('the applications insights', () => {
  it('counts per week, the funnel, replies by source and stalls as defined, for this user only', async () => {
    await seedOtherUser();
    const user = await seedKnownUser();
    const insights = await getApplicationInsights(user.id, user.timeZone, NOW);

    expect(insights.total).toBe(7);
    expect(insights.weeks).toHaveLength(12);
    expect(insights.weeks[0]?.week).toBe('2026-08-31');
    expect(insights.weeks.filter((week) => week.count > 0)).toEqual([
      { week: '2026-10-26', count: 1 },
      { week: '2026-11-02', count: 2 },
      { week: '2026-11-09', count: 1 },
      { week: '2026-11-16', count: 2 },
    ]);

    expect(insights.funnel.map(({ name, reached, conversionToNext }) => ({ name, reached, conversionToNext }))).toEqual(
      [
        { name: 'Saved', reached: 7, conversionToNext: 6 / 7 },
        { name: 'Applied', reached: 6, conversionToNext: 0.5 },
        { name: 'Screening', reached: 3, conversionToNext: 2 / 3 },
        { name: 'Interviewing', reached: 2, conversionToNext: 0 },
        { name: 'Offer', reached: 0, conversionToNext: null },
      ],
    );

    const bySource = Object.fromEntries(insights.bySource.map((row) => [row.source ?? 'none', row]));
    expect(Object.keys(bySource)).toEqual(['JOB_BOARD', 'REFERRAL', 'COMPANY_SITE']);
    expect(bySource.JOB_BOARD).toMatchObject({ applied: 3, replied: 2, responseRate: 2 / 3 });
    // A6 applied in August, on British Summer Time: its day began at 23:00 UTC the day before.
    expect(bySource.JOB_BOARD?.medianDaysToReply).toBeCloseTo((3.375 + 7 + 1 / 24) / 2, 6);
    expect(bySource.REFERRAL).toMatchObject({ applied: 2, replied: 2, responseRate: 1 });
    expect(bySource.REFERRAL?.medianDaysToReply).toBeCloseTo((2.375 + 32 / 24) / 2, 6);
    expect(bySource.COMPANY_SITE?.medianDaysToReply).toBeCloseTo(1 + 8.5 / 24, 6);

    const stalls = Object.fromEntries(insights.stalls.map((row) => [row.name, row]));
    expect(insights.stalls.map((row) => row.name)).toEqual(['Saved', 'Applied', 'Screening', 'Interviewing', 'Offer']);
    expect(stalls.Saved).toMatchObject({ open: 1, pastThreshold: 0, noReplyDays: null });
    expect(stalls.Saved?.medianDaysInStage).toBeCloseTo(4 / 24, 6);
    expect(stalls.Applied).toMatchObject({ open: 1, pastThreshold: 1 });
    expect(stalls.Applied?.medianDaysInStage).toBeCloseTo(15 + 2 / 24, 6);
    expect(stalls.Screening).toMatchObject({ open: 1, pastThreshold: 1 });
    expect(stalls.Interviewing).toMatchObject({ open: 2, pastThreshold: 0 });
    expect(stalls.Interviewing?.medianDaysInStage).toBeCloseTo((1.125 + 16.125) / 2, 6);
    expect(stalls.Offer).toMatchObject({ open: 0, medianDaysInStage: null, pastThreshold: 0 });
  }, 30_000);

  it('flags a round-based wait once its business days have passed', async () => {
    const user = await createTestUser({ timeZone: 'Europe/London' });
    const stages = await ensureTestStages(user.id);
    await createApplication(user.id, stages, {
      source: 'OTHER',
      appliedOn: '2026-11-01',
      stage: 'INTERVIEWING',
      moves: [{ to: 'INTERVIEWING', at: '2026-11-02T09:00:00Z' }],
      rounds: [{ createdAt: '2026-11-02T08:30:00Z', start: '2026-11-10T14:00:00Z' }],
    });
    const before = await getApplicationInsights(user.id, user.timeZone, at('2026-11-19T14:59:00Z'));
    const after = await getApplicationInsights(user.id, user.timeZone, at('2026-11-19T15:00:00Z'));
    expect(before.stalls.find((row) => row.name === 'Interviewing')?.pastThreshold).toBe(0);
    expect(after.stalls.find((row) => row.name === 'Interviewing')?.pastThreshold).toBe(1);
  }, 30_000);

  it('says nothing for a user without applications, with every week and open stage still listed', async () => {
    const user = await createTestUser();
    await ensureTestStages(user.id);
    const insights = await getApplicationInsights(user.id, user.timeZone, NOW);
    expect(insights.total).toBe(0);
    expect(insights.weeks.every((week) => week.count === 0)).toBe(true);
    expect(insights.funnel.every((step) => step.reached === 0 && step.conversionToNext === null)).toBe(true);
    expect(insights.bySource).toEqual([]);
    expect(insights.stalls).toHaveLength(5);
  });
});

describe('the recovery patterns by company', () => {
  it('counts misses and answered requests per company, lessons of deleted interviews included', async () => {
    const db = getDb();
    const user = await createTestUser();
    const stages = await ensureTestStages(user.id);
    const acme = await createApplication(user.id, stages, {
      company: 'Acme',
      source: null,
      appliedOn: null,
      stage: 'INTERVIEWING',
      moves: [],
    });
    const round = (company: string, extra: { rescheduledFromId?: string } = {}) =>
      db.interview.create({
        data: {
          userId: user.id,
          applicationId: acme.id,
          company,
          roleTitle: 'Engineer',
          scheduledStart: at('2026-11-01T10:00:00Z'),
          timeZone: 'UTC',
          format: 'VIDEO',
          ...extra,
        },
      });
    const first = await round('Acme');
    const second = await round(' acme ');
    const replacement = await round('Acme', { rescheduledFromId: first.id });
    await round('Initech', { rescheduledFromId: second.id });
    const incident = await db.missedIncident.create({
      data: { userId: user.id, interviewId: first.id, reason: 'FORGOT' },
    });
    await db.missedIncident.create({
      data: { userId: user.id, interviewId: second.id, reason: 'ILLNESS', kind: 'RUNNING_LATE' },
    });
    await db.rescheduleRequest.createMany({
      data: [
        {
          userId: user.id,
          incidentId: incident.id,
          channel: 'EMAIL',
          status: 'ACCEPTED',
          newInterviewId: replacement.id,
        },
        { userId: user.id, incidentId: incident.id, channel: 'CALL', status: 'DECLINED' },
        { userId: user.id, incidentId: incident.id, channel: 'CALL', status: 'PENDING' },
      ],
    });
    // The lesson of an interview since deleted keeps its company; a lesson by hand has none.
    await db.lesson.createMany({
      data: [
        { userId: user.id, company: 'Globex', rootCause: 'FORGOT', whatHappened: 'Gone' },
        { userId: user.id, rootCause: 'OTHER', whatHappened: 'Near miss' },
        {
          userId: user.id,
          incidentId: incident.id,
          company: 'Acme',
          rootCause: 'FORGOT',
          whatHappened: 'Counted once',
        },
      ],
    });
    // Another user's misses at the same company.
    const other = await createTestUser();
    const otherRound = await db.interview.create({
      data: {
        userId: other.id,
        applicationId: (
          await createApplication(other.id, await ensureTestStages(other.id), {
            company: 'Acme',
            source: null,
            appliedOn: null,
            stage: 'APPLIED',
            moves: [],
          })
        ).id,
        company: 'Acme',
        roleTitle: 'Engineer',
        scheduledStart: at('2026-11-01T10:00:00Z'),
        timeZone: 'UTC',
        format: 'VIDEO',
      },
    });
    await db.missedIncident.create({ data: { userId: other.id, interviewId: otherRound.id, reason: 'FORGOT' } });

    const { byCompany } = await getPatterns(user.id, user.timeZone, NOW);
    // The candidate's side: rounds that replaced another are counted by who moved them, on the
    // employer's side, from the time changes (lessons-patterns.test.ts), not here.
    expect(byCompany).toEqual([
      { company: 'Acme', missed: 2, requestsAccepted: 1, requestsDeclined: 1 },
      { company: 'Globex', missed: 1, requestsAccepted: 0, requestsDeclined: 0 },
    ]);
  }, 30_000);
});

describe('the patterns page statement count', () => {
  async function seedVolume(count: number) {
    const db = getDb();
    const user = await createTestUser();
    const stages = await ensureTestStages(user.id);
    const open = stages.filter((stage) => stage.kind === 'OPEN');
    const ids = Array.from({ length: count }, () => randomUUID());
    await db.application.createMany({
      data: ids.map((id, index) => ({
        id,
        userId: user.id,
        company: `Company ${index}`,
        roleTitle: 'Engineer',
        matchKey: applicationMatchKey(`Company ${index}`, 'Engineer'),
        source: (['JOB_BOARD', 'REFERRAL', null] as const)[index % 3],
        appliedOn: new Date(NOW.getTime() - (index % 90) * 86_400_000),
        stageId: open[index % open.length]?.id ?? '',
        lastReplyAt: index % 4 === 0 ? NOW : null,
      })),
    });
    await db.stageChange.createMany({
      data: ids.map((applicationId, index) => ({
        userId: user.id,
        applicationId,
        toStageId: open[index % open.length]?.id ?? '',
        toStageName: open[index % open.length]?.name ?? '',
        changedAt: new Date(NOW.getTime() - (index % 30) * 86_400_000),
        cause: 'USER' as const,
      })),
    });
    await db.interview.createMany({
      data: ids.map((applicationId, index) => ({
        userId: user.id,
        applicationId,
        company: `Company ${index}`,
        roleTitle: 'Engineer',
        scheduledStart: new Date(NOW.getTime() - (index % 20) * 86_400_000),
        timeZone: 'Europe/London',
        format: 'VIDEO' as const,
      })),
    });
    const session = await createSession(user.id, 'jest');
    const claims = { userId: user.id, sessionVersion: user.sessionVersion, sessionId: session.id };
    return { claims };
  }

  it('runs the same number of statements, at most 8, for 10 and for 1,000 applications', async () => {
    const small = await seedVolume(10);
    const large = await seedVolume(1000);
    const measure = async (claims: typeof small.claims) => {
      const before = relay.count;
      const user = await findSessionUser(claims, NOW);
      if (!user) throw new Error('signed out');
      const page = await loadPatternsPage(user, NOW);
      return { statements: relay.count - before, total: page.applications.total };
    };
    // One warm-up: opening pool connections is not the page's cost.
    await measure(small.claims);
    const few = await measure(small.claims);
    const many = await measure(large.claims);
    expect(few.total).toBe(10);
    expect(many.total).toBe(1000);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(8);
  }, 60_000);
});

import { startRelayFor, type startStatementCounter } from '@/bench/lib/statement-counter.mjs';
import { moveApplicationAction, undoMoveAction } from '@/lib/actions/board';
import { getDb } from '@/lib/db';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import { NotFoundError } from '@/lib/errors';
import { moveApplication } from '@/lib/server/applications/move-application';
import { CLOSED_COLUMN_CARDS } from '@/lib/server/applications/get-board';
import { loadBoardPage } from '@/lib/server/pages/applications-board';
import { createSession } from '@/lib/server/sessions/create-session';
import { findSessionUser } from '@/lib/server/sessions/find-session-user';
import { createTestUser, ensureTestStages } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const DAY_MS = 86_400_000;
// A Monday at noon in London: business days from here are easy to count by hand.
const NOW = new Date('2026-12-07T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const STATEMENT_BUDGET = 8;

let relay: Awaited<ReturnType<typeof startStatementCounter>>;

beforeAll(async () => {
  // Every statement of this file goes through the counting relay; it must be in place before
  // the app's client is first created.
  const started = await startRelayFor(process.env.DATABASE_URL ?? '');
  relay = started.relay;
  process.env.DATABASE_URL = started.url;
});

afterAll(async () => {
  await getDb().$disconnect();
  await relay.close();
});

type Stages = Awaited<ReturnType<typeof ensureTestStages>>;
type StageKey = 'APPLIED' | 'SCREENING' | 'INTERVIEWING' | 'REJECTED';

function stageId(stages: Stages, key: StageKey): string {
  const stage = stages.find((candidate) => candidate.systemKey === key);
  if (!stage) throw new Error(`no ${key}`);
  return stage.id;
}

/** An application in `stage` since `enteredAt`, with the timeline row that put it there. */
async function addApplication(
  userId: string,
  stages: Stages,
  values: { company: string; roleTitle: string; stage: StageKey; enteredAt: Date } & Partial<{
    appliedOn: Date;
    lastReplyAt: Date;
  }>,
) {
  const db = getDb();
  const to = stages.find((stage) => stage.systemKey === values.stage);
  if (!to) throw new Error(values.stage);
  const application = await db.application.create({
    data: {
      userId,
      company: values.company,
      roleTitle: values.roleTitle,
      matchKey: applicationMatchKey(values.company, values.roleTitle),
      stageId: to.id,
      appliedOn: values.appliedOn ?? null,
      lastReplyAt: values.lastReplyAt ?? null,
      closedAt: to.kind === 'CLOSED' ? values.enteredAt : null,
      createdAt: values.enteredAt,
    },
  });
  await db.stageChange.create({
    data: {
      userId,
      applicationId: application.id,
      toStageId: to.id,
      toStageName: to.name,
      changedAt: values.enteredAt,
      cause: 'USER',
    },
  });
  return application;
}

async function readStage(applicationId: string) {
  const db = getDb();
  const [application, changes] = await Promise.all([
    db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { stageId: true } }),
    db.stageChange.findMany({
      where: { applicationId },
      orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
      select: { fromStageId: true, toStageId: true, fromStageName: true, toStageName: true, cause: true },
    }),
  ]);
  return { stageId: application.stageId, changes };
}

describe('the board loader', () => {
  it('has a column per stage in order, with counts, the next round, days in stage and the ghost flags', async () => {
    const user = await createTestUser({ timeZone: 'Europe/London' });
    const stages = await ensureTestStages(user.id);
    const db = getDb();
    // 20 days in Applied (14-day wait): flagged 6 days ago, Ghosted suggested only after 28.
    const quiet = await addApplication(user.id, stages, {
      company: 'Acme Ltd',
      roleTitle: 'Engineer',
      stage: 'APPLIED',
      enteredAt: daysAgo(20),
      appliedOn: new Date('2026-11-17T00:00:00Z'),
    });
    const silent = await addApplication(user.id, stages, {
      company: 'Globex',
      roleTitle: 'Designer',
      stage: 'APPLIED',
      enteredAt: daysAgo(30),
    });
    // The employer wrote yesterday: the clock starts again.
    const answered = await addApplication(user.id, stages, {
      company: 'Umbrella',
      roleTitle: 'Analyst',
      stage: 'APPLIED',
      enteredAt: daysAgo(20),
      lastReplyAt: daysAgo(1),
    });
    // Interviewing for 12 days; the last round ended 3 days ago, within 7 business days.
    const interviewing = await addApplication(user.id, stages, {
      company: 'Initech',
      roleTitle: 'Tester',
      stage: 'INTERVIEWING',
      enteredAt: daysAgo(12),
    });
    const round = { userId: user.id, applicationId: interviewing.id, company: 'Initech', roleTitle: 'Tester' };
    await db.interview.createMany({
      data: [
        { ...round, scheduledStart: daysAgo(3), durationMinutes: 45, timeZone: 'Europe/London', format: 'VIDEO' },
        {
          ...round,
          roundLabel: 'Final',
          scheduledStart: new Date('2026-12-09T15:00:00Z'),
          timeZone: 'America/New_York',
          format: 'VIDEO',
        },
        {
          ...round,
          scheduledStart: new Date('2026-12-08T15:00:00Z'),
          timeZone: 'America/New_York',
          format: 'VIDEO',
          status: 'CANCELLED',
        },
      ],
    });
    const rejected = await addApplication(user.id, stages, {
      company: 'Hooli',
      roleTitle: 'Engineer',
      stage: 'REJECTED',
      enteredAt: daysAgo(2),
    });
    // Someone else's application never shows.
    const stranger = await createTestUser();
    await addApplication(stranger.id, await ensureTestStages(stranger.id), {
      company: 'Not mine',
      roleTitle: 'Spy',
      stage: 'APPLIED',
      enteredAt: daysAgo(1),
    });

    const { columns, isEmpty } = await loadBoardPage(user, NOW);

    expect(isEmpty).toBe(false);
    expect(columns.map((column) => [column.name, column.kind, column.count])).toEqual([
      ['Saved', 'OPEN', 0],
      ['Applied', 'OPEN', 3],
      ['Screening', 'OPEN', 0],
      ['Interviewing', 'OPEN', 1],
      ['Offer', 'OPEN', 0],
      ['Accepted', 'CLOSED', 0],
      ['Rejected', 'CLOSED', 1],
      ['Withdrawn', 'CLOSED', 0],
      ['Ghosted', 'CLOSED', 0],
    ]);
    const cards = new Map(columns.flatMap((column) => column.cards).map((card) => [card.id, card]));
    expect(cards.size).toBe(5);
    expect(cards.get(quiet.id)).toMatchObject({
      company: 'Acme Ltd',
      roleTitle: 'Engineer',
      daysInStage: 20,
      nextRound: null,
      ghost: { kind: 'no-reply', days: 20 },
    });
    expect(cards.get(silent.id)).toMatchObject({ daysInStage: 30, ghost: { kind: 'suggest-ghosted', days: 30 } });
    expect(cards.get(answered.id)).toMatchObject({ daysInStage: 20, ghost: null });
    expect(cards.get(interviewing.id)).toMatchObject({
      daysInStage: 12,
      ghost: null,
      // The cancelled round on the 8th is not the next one.
      nextRound: { start: new Date('2026-12-09T15:00:00Z'), timeZone: 'America/New_York', label: 'Final' },
    });
    // A closed stage never flags.
    expect(cards.get(rejected.id)).toMatchObject({ stageId: stageId(stages, 'REJECTED'), ghost: null });
  });

  it('flags a quiet application after a round by business days in the employer zone', async () => {
    const user = await createTestUser({ timeZone: 'Europe/London' });
    const stages = await ensureTestStages(user.id);
    const application = await addApplication(user.id, stages, {
      company: 'Initech',
      roleTitle: 'Tester',
      stage: 'INTERVIEWING',
      enteredAt: daysAgo(30),
    });
    // Ended Monday 16 November; 7 business days later is Wednesday 25 November: flagged.
    await getDb().interview.create({
      data: {
        userId: user.id,
        applicationId: application.id,
        company: 'Initech',
        roleTitle: 'Tester',
        scheduledStart: new Date('2026-11-16T14:00:00Z'),
        durationMinutes: 60,
        timeZone: 'America/New_York',
        format: 'PHONE',
      },
    });
    const { columns } = await loadBoardPage(user, NOW);
    const card = columns.flatMap((column) => column.cards).find((item) => item.id === application.id);
    expect(card?.ghost).toEqual({ kind: 'suggest-ghosted', days: 20 });
    // Four days after the round, before the seventh business day: no flag yet.
    const early = await loadBoardPage(user, new Date('2026-11-20T15:00:00Z'));
    expect(early.columns.flatMap((column) => column.cards).find((item) => item.id === application.id)?.ghost).toBe(
      null,
    );
  });

  it('is empty for an account without applications', async () => {
    const user = await createTestUser();
    await ensureTestStages(user.id);
    const { columns, isEmpty } = await loadBoardPage(user, NOW);
    expect(isEmpty).toBe(true);
    expect(columns).toHaveLength(9);
  });
});

describe('moving a card', () => {
  async function setUp() {
    const user = signInAs(await createTestUser());
    const stages = await ensureTestStages(user.id);
    const application = await addApplication(user.id, stages, {
      company: 'Acme Ltd',
      roleTitle: 'Engineer',
      stage: 'APPLIED',
      enteredAt: daysAgo(3),
    });
    return {
      user,
      application,
      applied: stageId(stages, 'APPLIED'),
      screening: stageId(stages, 'SCREENING'),
      interviewing: stageId(stages, 'INTERVIEWING'),
      rejected: stageId(stages, 'REJECTED'),
    };
  }

  it('moves, writes one timeline row, and an undo moves it back with a second row, once', async () => {
    const { application, applied, screening } = await setUp();

    const moved = await moveApplicationAction({ id: application.id, toStageId: screening, expectedStageId: applied });
    expect(moved).toMatchObject({ ok: true, data: { moved: true, fromStageId: applied, toStageId: screening } });
    const undone = await undoMoveAction({ id: application.id, toStageId: applied, expectedStageId: screening });
    expect(undone).toMatchObject({ ok: true, data: { moved: true } });

    const after = await readStage(application.id);
    expect(after.stageId).toBe(applied);
    expect(after.changes.slice(1)).toEqual([
      { fromStageId: applied, toStageId: screening, fromStageName: 'Applied', toStageName: 'Screening', cause: 'USER' },
      { fromStageId: screening, toStageId: applied, fromStageName: 'Screening', toStageName: 'Applied', cause: 'USER' },
    ]);

    // The same undo again: the card is no longer where that move put it.
    const again = await undoMoveAction({ id: application.id, toStageId: applied, expectedStageId: screening });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await readStage(application.id)).changes).toHaveLength(3);
  });

  it('refuses an undo after the card moved on, and a move from a stale board, saying where the card is', async () => {
    const { application, applied, screening, interviewing, rejected } = await setUp();
    await moveApplicationAction({ id: application.id, toStageId: screening, expectedStageId: applied });
    // Another tab moves it on.
    await moveApplicationAction({ id: application.id, toStageId: interviewing, expectedStageId: screening });

    const undo = await undoMoveAction({ id: application.id, toStageId: applied, expectedStageId: screening });
    expect(undo).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'This application has moved since (it is now in Interviewing), so it was left there.',
    });
    const stale = await moveApplicationAction({ id: application.id, toStageId: rejected, expectedStageId: applied });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });

    const after = await readStage(application.id);
    expect(after.stageId).toBe(interviewing);
    expect(after.changes).toHaveLength(3);
  });

  it('closes the application in a closed stage and reopens it when moved out', async () => {
    const { application, applied, rejected } = await setUp();
    await moveApplicationAction({ id: application.id, toStageId: rejected, expectedStageId: applied });
    expect(await getDb().application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      closeReason: 'REJECTED',
      closedAt: expect.any(Date),
    });
    await undoMoveAction({ id: application.id, toStageId: applied, expectedStageId: rejected });
    expect(await getDb().application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      closeReason: null,
      closedAt: null,
    });
  });

  it("answers another user's application or stage like a missing one and changes nothing", async () => {
    const victim = await setUp();
    const attacker = await setUp();
    const snapshot = () =>
      Promise.all([readStage(victim.application.id), readStage(attacker.application.id)]).then(JSON.stringify);
    const before = await snapshot();

    signInAs(attacker.user);
    for (const action of [moveApplicationAction, undoMoveAction]) {
      // The victim's card, to the victim's stage.
      expect(
        await action({ id: victim.application.id, toStageId: victim.screening, expectedStageId: victim.applied }),
      ).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'That application does not exist.' });
      // The attacker's own card, to the victim's stage.
      expect(
        await action({ id: attacker.application.id, toStageId: victim.screening, expectedStageId: attacker.applied }),
      ).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'That stage does not exist.' });
      // Not an id at all.
      expect(
        await action({ id: 'not an id', toStageId: attacker.screening, expectedStageId: attacker.applied }),
      ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    await expect(moveApplication(attacker.user.id, victim.application.id, attacker.screening)).rejects.toThrow(
      NotFoundError,
    );
    expect(await snapshot()).toBe(before);
  });

  it('two tabs moving the same card from the same board: one move wins, one timeline row', async () => {
    const { application, applied, screening, interviewing } = await setUp();
    const results = await whileApplicationLocked(application.id, 2, () => [
      moveApplicationAction({ id: application.id, toStageId: screening, expectedStageId: applied }),
      moveApplicationAction({ id: application.id, toStageId: interviewing, expectedStageId: applied }),
    ]);
    const answers = results.map((result) => (result.status === 'fulfilled' ? result.value : result.reason));
    const winners = answers.filter((answer) => answer.ok);
    expect(winners).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok && answer.code === 'CONFLICT')).toHaveLength(1);
    const after = await readStage(application.id);
    expect(after.changes).toHaveLength(2);
    expect(after.stageId).toBe(after.changes[1]?.toStageId);
    expect(after.changes[1]?.fromStageId).toBe(applied);
  }, 20_000);

  it('two tabs moving the same card without a board to check: both land, in turn, one row each', async () => {
    const { user, application, applied, screening, interviewing } = await setUp();
    await whileApplicationLocked(application.id, 2, () => [
      moveApplication(user.id, application.id, screening),
      moveApplication(user.id, application.id, interviewing),
    ]);
    const after = await readStage(application.id);
    const [, first, second] = after.changes;
    expect(after.changes).toHaveLength(3);
    // Each move saw the one before it: the second starts where the first ended.
    expect(first?.fromStageId).toBe(applied);
    expect(second?.fromStageId).toBe(first?.toStageId);
    expect(after.stageId).toBe(second?.toStageId);
  }, 20_000);
});

describe('the board statement budget', () => {
  async function seedAccount(applications: number) {
    const user = await createTestUser();
    const stages = await ensureTestStages(user.id);
    const db = getDb();
    const open = ['APPLIED', 'SCREENING', 'INTERVIEWING'].map((key) => stageId(stages, key as StageKey));
    const rejected = stageId(stages, 'REJECTED');
    // Every tenth application was rejected: enough in the heavy account to pass the closed cap.
    const stageOf = (index: number) => (index % 10 === 9 ? rejected : (open[index % 3] ?? rejected));
    const rows = Array.from({ length: applications }, (_, index) => ({
      id: `board${String(applications).padStart(5, '0')}${String(index).padStart(5, '0')}${user.id.slice(-10)}`,
      userId: user.id,
      company: `Company ${index}`,
      roleTitle: 'Engineer',
      matchKey: applicationMatchKey(`Company ${index}`, 'Engineer'),
      stageId: stageOf(index),
      closedAt: stageOf(index) === rejected ? daysAgo(index % 40) : null,
      appliedOn: daysAgo(60),
    }));
    await db.application.createMany({ data: rows });
    await db.stageChange.createMany({
      data: rows.map((row, index) => ({
        userId: user.id,
        applicationId: row.id,
        toStageId: row.stageId,
        toStageName: 'Stage',
        changedAt: daysAgo(index % 30),
        cause: 'USER' as const,
      })),
    });
    // Ten rounds per application, half of them ahead.
    await db.interview.createMany({
      data: rows.flatMap((row) =>
        Array.from({ length: 10 }, (_, round) => ({
          userId: user.id,
          applicationId: row.id,
          company: row.company,
          roleTitle: row.roleTitle,
          scheduledStart: new Date(NOW.getTime() + (round - 5) * 7 * DAY_MS),
          timeZone: 'Europe/London',
          format: 'VIDEO' as const,
        })),
      ),
    });
    const session = await createSession(user.id, 'jest');
    return { user, claims: { userId: user.id, sessionVersion: user.sessionVersion, sessionId: session.id } };
  }

  async function measure(account: Awaited<ReturnType<typeof seedAccount>>) {
    const before = relay.count;
    const user = await findSessionUser(account.claims, NOW);
    if (!user) throw new Error('signed out');
    const page = await loadBoardPage(user, NOW);
    return { statements: relay.count - before, page };
  }

  it('reads the same number of statements for 10 and 1,000 applications, within the budget', async () => {
    const small = await seedAccount(10);
    const large = await seedAccount(1000);
    // A warm-up each: opening pool connections is not the page's cost.
    await measure(small);
    await measure(large);

    const smallRun = await measure(small);
    const largeRun = await measure(large);
    expect(largeRun.statements).toBe(smallRun.statements);
    expect(largeRun.statements).toBeLessThanOrEqual(STATEMENT_BUDGET);

    const rejectedColumn = largeRun.page.columns.find((column) => column.name === 'Rejected');
    expect(rejectedColumn?.count).toBe(100);
    expect(rejectedColumn?.cards).toHaveLength(CLOSED_COLUMN_CARDS);
    // The most recently closed first.
    const closedDays = rejectedColumn?.cards.map((card) => Number(card.company.replace('Company ', '')) % 40);
    expect(Math.max(...(closedDays ?? []))).toBeLessThan(20);
    // Open columns show every card.
    const interviewingColumn = largeRun.page.columns.find((column) => column.name === 'Interviewing');
    expect(interviewingColumn?.cards).toHaveLength(interviewingColumn?.count ?? -1);
    expect(interviewingColumn?.cards[0]?.nextRound).toEqual({
      start: new Date(NOW.getTime() + 7 * DAY_MS),
      timeZone: 'Europe/London',
      label: null,
    });
  }, 120_000);
});

/**
 * Holds a row lock on the application while `start` begins its calls, and lets go once `waiters`
 * of them are blocked behind it (at most 10 s), so the two tabs really race for the row.
 */
async function whileApplicationLocked<T>(
  applicationId: string,
  waiters: number,
  start: () => Promise<T>[],
): Promise<PromiseSettledResult<T>[]> {
  let pending: Promise<T>[] = [];
  await getDb().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
      pending = start();
      for (const call of pending) call.catch(() => undefined);
      if (process.env.REBOUND_DATABASE_MODE === 'embedded') return;
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        await tx.$queryRaw`SELECT 1 AS cleared FROM (SELECT pg_stat_clear_snapshot()) AS cleared`;
        // The second waiter queues behind the first, not behind this transaction: count the chain.
        const [row] = await tx.$queryRaw<{ blocked: number }[]>`
          WITH RECURSIVE blocked(pid) AS (
            SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))
            UNION
            SELECT a.pid FROM pg_stat_activity a JOIN blocked b ON b.pid = ANY(pg_blocking_pids(a.pid))
          )
          SELECT count(*)::int AS blocked FROM blocked`;
        if ((row?.blocked ?? 0) >= waiters) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    { timeout: 15_000 },
  );
  return Promise.allSettled(pending);
}

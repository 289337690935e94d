// The no-reply nudges on the real database: the planner's scan (fixed clocks, one account at a
// time so parallel test files are left alone) and the dispatcher's check at send time.
import type PgBoss from 'pg-boss';
import { getDb } from '@/lib/db';
import { dispatchApplicationNudges } from '@/lib/server/jobs/dispatch-application-nudges';
import { moveApplication } from '@/lib/server/applications/move-application';
import { readGhostStates } from '@/lib/server/applications/read-ghost-states';
import { planGhostNudges } from '@/lib/server/reminders/plan-ghost-nudges';
import { createUnsubscribeToken } from '@/lib/server/notifications/reminder-preferences';
import { createTestApplication, createTestUser, ensureTestStages } from './support/factories';

const db = getDb();
const DAY = 86_400_000;
const HOUR = 3_600_000;
// The last move: Thursday 1 October 2026, 09:00 UTC (10:00 in London).
const T0 = new Date('2026-10-01T09:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(() => {
  process.env.NEXTAUTH_URL = 'http://rebound.test';
});
afterAll(() => db.$disconnect());

/** A user's application in `stage`, its last stage change at T0. */
async function quietApplication(stage: 'APPLIED' | 'SAVED' | 'REJECTED' | 'SCREENING' = 'APPLIED') {
  const user = await createTestUser();
  const stages = await ensureTestStages(user.id);
  const application = await createTestApplication(user.id, { stage, company: 'Acme Ltd', roleTitle: 'Data Analyst' });
  const current = stages.find((candidate) => candidate.id === application.stageId)!;
  await db.stageChange.create({
    data: {
      userId: user.id,
      applicationId: application.id,
      toStageId: current.id,
      toStageName: current.name,
      changedAt: T0,
      cause: 'USER',
    },
  });
  return { user, application, stages };
}

const plan = (userId: string, now: Date) => planGhostNudges(now, { userIds: [userId] });

const remindersOf = (applicationId: string) =>
  db.reminder.findMany({
    where: { applicationId },
    orderBy: [{ createdAt: 'asc' }, { kind: 'asc' }],
    select: { kind: true, dedupeKey: true, state: true, dueAt: true, channels: true, userId: true, lastError: true },
  });

function stubBoss() {
  const send = jest.fn(async () => 'job-id');
  return { boss: { send } as unknown as PgBoss, send };
}

describe('planning nudges', () => {
  it('writes nothing before the threshold, one nudge once it is crossed, and never the same twice', async () => {
    const { user, application } = await quietApplication();
    expect(await plan(user.id, after(14 * DAY - 1))).toEqual({ scanned: expect.any(Number), created: 0 });
    expect(await remindersOf(application.id)).toEqual([]);

    const now = after(14 * DAY + HOUR);
    expect((await plan(user.id, now)).created).toBe(1);
    expect(await remindersOf(application.id)).toEqual([
      {
        kind: 'NO_REPLY_NUDGE',
        dedupeKey: `no-reply:${application.id}:${after(14 * DAY).toISOString()}`,
        state: 'SCHEDULED',
        dueAt: now,
        channels: ['EMAIL', 'PUSH', 'IN_APP'],
        userId: user.id,
        lastError: null,
      },
    ]);
    expect((await plan(user.id, now)).created).toBe(0);
    expect((await plan(user.id, after(20 * DAY))).created).toBe(0);
    expect(await remindersOf(application.id)).toHaveLength(1);
  });

  it('suggests Ghosted after a second period with no reply, once', async () => {
    const { user, application } = await quietApplication();
    await plan(user.id, after(15 * DAY));
    expect((await plan(user.id, after(28 * DAY + HOUR))).created).toBe(1);
    expect((await plan(user.id, after(29 * DAY))).created).toBe(0);
    const rows = await remindersOf(application.id);
    expect(rows.map((row) => [row.kind, row.dedupeKey])).toEqual([
      ['NO_REPLY_NUDGE', `no-reply:${application.id}:${after(14 * DAY).toISOString()}`],
      ['GHOSTED_SUGGESTION', `ghosted:${application.id}:${after(14 * DAY).toISOString()}`],
    ]);
  });

  it('a recorded reply starts a new clock, with a new key', async () => {
    const { user, application } = await quietApplication();
    await plan(user.id, after(15 * DAY));
    await db.application.update({ where: { id: application.id }, data: { lastReplyAt: after(20 * DAY) } });
    expect((await plan(user.id, after(33 * DAY))).created).toBe(0);
    expect((await plan(user.id, after(34 * DAY + HOUR))).created).toBe(1);
    expect((await remindersOf(application.id)).map((row) => row.dedupeKey)).toEqual([
      `no-reply:${application.id}:${after(14 * DAY).toISOString()}`,
      // 14 days on London's calendar from 10:00 BST is 10:00 GMT: the clocks went back on 25 October.
      `no-reply:${application.id}:${after(34 * DAY + HOUR).toISOString()}`,
    ]);
  });

  it("a move starts a new clock with the new stage's threshold", async () => {
    const { user, application, stages } = await quietApplication();
    await plan(user.id, after(15 * DAY));
    const screening = stages.find((stage) => stage.systemKey === 'SCREENING')!;
    await moveApplication(user.id, application.id, screening.id, { now: after(16 * DAY) });
    expect((await plan(user.id, after(22 * DAY))).created).toBe(0);
    expect((await plan(user.id, after(23 * DAY + HOUR))).created).toBe(1);
    expect((await remindersOf(application.id)).at(-1)?.dedupeKey).toBe(
      `no-reply:${application.id}:${after(23 * DAY).toISOString()}`,
    );
  });

  it('never nudges about a closed application, or a stage without a threshold', async () => {
    const closed = await quietApplication('REJECTED');
    const saved = await quietApplication('SAVED');
    const reopenedButClosed = await quietApplication();
    await db.application.update({ where: { id: reopenedButClosed.application.id }, data: { closedAt: T0 } });
    for (const { user } of [closed, saved, reopenedButClosed]) await plan(user.id, after(200 * DAY));
    expect(
      await db.reminder.count({
        where: {
          applicationId: {
            in: [closed.application.id, saved.application.id, reopenedButClosed.application.id],
          },
        },
      }),
    ).toBe(0);
  });

  it('counts business days in the employer’s zone after a round', async () => {
    const { user, application } = await quietApplication('SCREENING');
    // A round on Friday 2 October 2026, 16:00–17:00 in New York (21:00Z): 7 business days later is
    // Tuesday 13 October, 17:00 EDT.
    await db.interview.create({
      data: {
        userId: user.id,
        applicationId: application.id,
        company: 'Acme Ltd',
        roleTitle: 'Data Analyst',
        scheduledStart: new Date('2026-10-02T20:00:00Z'),
        durationMinutes: 60,
        timeZone: 'America/New_York',
        format: 'VIDEO',
        status: 'COMPLETED',
      },
    });
    expect((await plan(user.id, new Date('2026-10-13T20:59:00Z'))).created).toBe(0);
    expect((await plan(user.id, new Date('2026-10-13T21:00:00Z'))).created).toBe(1);
    expect((await remindersOf(application.id))[0]?.dedupeKey).toBe(
      `no-reply:${application.id}:2026-10-13T21:00:00.000Z`,
    );
  });

  it('keeps a turned-off nudge as skipped, so the account is not scanned again on that clock', async () => {
    const { user, application } = await quietApplication();
    await db.notificationPreference.create({
      data: { userId: user.id, unsubscribeToken: createUnsubscribeToken(), channels: { NO_REPLY_NUDGE: [] } },
    });
    await plan(user.id, after(15 * DAY));
    expect(await remindersOf(application.id)).toEqual([
      expect.objectContaining({ kind: 'NO_REPLY_NUDGE', state: 'SKIPPED', lastError: expect.stringContaining('off') }),
    ]);
    expect(await plan(user.id, after(16 * DAY))).toEqual({ scanned: 0, created: 0 });
  });
});

describe('sending nudges', () => {
  it('sends a still-quiet nudge: a notification linking to the application, with the drafted follow-up', async () => {
    const { user, application } = await quietApplication();
    await db.applicationContact.create({
      data: {
        userId: user.id,
        applicationId: application.id,
        name: 'Rita Recruiter',
        email: 'rita@acme.test',
        role: 'RECRUITER',
      },
    });
    await plan(user.id, after(14 * DAY + HOUR));
    const { boss, send } = stubBoss();
    const result = await db.$transaction((tx) =>
      dispatchApplicationNudges(
        tx,
        boss,
        { userId: user.id, applicationId: application.id },
        after(14 * DAY + 2 * HOUR),
      ),
    );
    expect(result).toEqual({ queued: 1, skipped: 0 });
    const notification = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(notification).toMatchObject({
      kind: 'NO_REPLY_NUDGE',
      title: 'Time for a friendly follow-up with Acme Ltd',
      url: `http://rebound.test/applications/${application.id}`,
    });
    const content = notification.content as { body: string; confirmation: { recipient: string } };
    expect(content.body).toContain('Dear Rita Recruiter,');
    expect(content.body).toContain('the Data Analyst position at Acme Ltd');
    expect(content.confirmation.recipient).toBe('rita@acme.test');
    expect(send).toHaveBeenCalledTimes(2);
    expect((await remindersOf(application.id))[0]?.state).toBe('SENT');
  });

  it.each([
    ['a reply was recorded', { lastReplyAt: after(14 * DAY + 90 * 60_000) }],
    ['it was closed', { closedAt: after(14 * DAY + 90 * 60_000) }],
  ])('skips, never sends, a nudge whose application moved on: %s', async (_label, change) => {
    const { user, application } = await quietApplication();
    await plan(user.id, after(14 * DAY + HOUR));
    await db.application.update({ where: { id: application.id }, data: change });
    const { boss, send } = stubBoss();
    const result = await db.$transaction((tx) =>
      dispatchApplicationNudges(
        tx,
        boss,
        { userId: user.id, applicationId: application.id },
        after(14 * DAY + 2 * HOUR),
      ),
    );
    expect(result).toEqual({ queued: 0, skipped: 1 });
    expect(send).not.toHaveBeenCalled();
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
    expect(await remindersOf(application.id)).toEqual([
      expect.objectContaining({ state: 'SKIPPED', lastError: expect.stringContaining('moved on') }),
    ]);
  });

  it('skips a nudge whose application was moved to another stage', async () => {
    const { user, application, stages } = await quietApplication();
    await plan(user.id, after(14 * DAY + HOUR));
    const screening = stages.find((stage) => stage.systemKey === 'SCREENING')!;
    await moveApplication(user.id, application.id, screening.id, { now: after(14 * DAY + 90 * 60_000) });
    const { boss } = stubBoss();
    await db.$transaction((tx) =>
      dispatchApplicationNudges(
        tx,
        boss,
        { userId: user.id, applicationId: application.id },
        after(14 * DAY + 2 * HOUR),
      ),
    );
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
    expect((await remindersOf(application.id))[0]?.state).toBe('SKIPPED');
  });

  it("leaves another user's application alone", async () => {
    const { user, application } = await quietApplication();
    const attacker = await createTestUser();
    await plan(user.id, after(14 * DAY + HOUR));
    const { boss, send } = stubBoss();
    const result = await db.$transaction((tx) =>
      dispatchApplicationNudges(tx, boss, { userId: attacker.id, applicationId: application.id }, after(15 * DAY)),
    );
    expect(result).toEqual({ queued: 0, skipped: 0 });
    expect(send).not.toHaveBeenCalled();
    expect((await remindersOf(application.id))[0]?.state).toBe('SCHEDULED');
  });
});

describe('reading the flag for the board and the application page', () => {
  it("gives each of the user's applications its ghost state, in one read, and leaves out another user's", async () => {
    const { user, application } = await quietApplication();
    const other = await quietApplication();
    const states = await readGhostStates(user.id, [application.id, other.application.id], after(15 * DAY));
    expect([...states.keys()]).toEqual([application.id]);
    expect(states.get(application.id)).toEqual({
      ghost: { kind: 'no-reply', since: after(14 * DAY), suggestGhostedAt: after(28 * DAY + HOUR) },
      last: { at: T0, kind: 'stage-change' },
    });
  });
});

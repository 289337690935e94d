// The reminder queue end to end on the real database: two pg-boss instances (two workers) on
// one database, a real SMTP peer, and the app's own write paths moving reminders.
import { GET as getUnsubscribe, POST as postUnsubscribe } from '@/app/api/unsubscribe/[token]/route';
import { getDb } from '@/lib/db';
import { utcToZonedLocal } from '@/lib/domain/time';
import { REMINDER_KINDS, type ReminderChannel, type ReminderKind } from '@/lib/domain/reminders';
import { dispatchDueReminders } from '@/lib/server/jobs/dispatch-reminders';
import { deliverNotification } from '@/lib/server/jobs/deliver-notification';
import { startReminderWorker, type ReminderWorker } from '@/lib/server/jobs/reminder-worker';
import { ChannelError, registerChannel, unregisterChannel } from '@/lib/server/notifications/channels';
import { createUnsubscribeToken } from '@/lib/server/notifications/reminder-preferences';
import { getCheckInLink } from '@/lib/server/notifications/check-in-link';
import { changeInterviewStatus } from '@/lib/server/interviews/change-interview-status';
import { createInterview } from '@/lib/server/interviews/create-interview';
import { deleteInterview } from '@/lib/server/interviews/delete-interview';
import { updateInterview } from '@/lib/server/interviews/update-interview';
import { loadInterviewPage } from '@/lib/server/pages/interview';
import { addHourBeforeReminder } from '@/lib/server/reminders/interview-reminder-choices';
import type { InterviewFormInput } from '@/lib/validation/interview';
import { startSmtpPeer, type SmtpPeer } from '@/tests/support/smtp-peer.mjs';
import { createTestUser } from './support/factories';
import { interviewInput, parseInterviewForm, pickZone } from './support/interview-fixtures';

const db = getDb();
const MINUTE = 60_000;
const FAST_RETRY = { retryLimit: 2, retryDelay: 1, retryBackoff: false };
// Far enough that none of its reminders is due: the workers' own dispatches cannot take them
// while a test moves or cancels them.
const NOT_DUE_YET = 180;

let smtp: SmtpPeer;
let workers: ReminderWorker[] = [];

beforeAll(async () => {
  smtp = await startSmtpPeer();
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(smtp.port);
  process.env.NEXTAUTH_URL = 'http://rebound.test';
  const connectionString = process.env.DATABASE_URL as string;
  // Two instances, as two app processes would run them; neither runs the cron here, the tests
  // ask for dispatches themselves instead of waiting for the minute.
  workers = await Promise.all(
    [0, 1].map(() =>
      startReminderWorker({
        connectionString,
        pollingIntervalSeconds: 0.5,
        retry: FAST_RETRY,
        schedule: false,
        log: () => undefined,
      }),
    ),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await smtp.close();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
  await db.$disconnect();
});

async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function formAt(start: Date, overrides: Partial<InterviewFormInput> = {}): InterviewFormInput {
  const zone = pickZone(start);
  const local = utcToZonedLocal(start, zone);
  const end = utcToZonedLocal(new Date(start.getTime() + 30 * MINUTE), zone);
  return interviewInput({
    date: local.slice(0, 10),
    startTime: local.slice(11, 16),
    endTime: end.slice(11, 16),
    timeZone: zone,
    ...overrides,
  });
}

/** A user who gets only the given reminders: every other kind is off, so no test meets a stray mail. */
async function createUserWith(chosen: Partial<Record<ReminderKind, ReminderChannel[]>>) {
  const user = await createTestUser({ timeZone: 'UTC' });
  const channels = Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, chosen[kind] ?? []]));
  await db.notificationPreference.create({
    data: { userId: user.id, channels, unsubscribeToken: createUnsubscribeToken() },
  });
  return user;
}

/** A video interview 20 minutes away: its leave-by moment (30 minutes before) is due now, late but useful. */
async function createSoonInterview(userId: string, minutesAway = 20) {
  const start = new Date(Math.ceil((Date.now() + minutesAway * MINUTE) / MINUTE) * MINUTE);
  const { id } = await createInterview(
    userId,
    parseInterviewForm(formAt(start, { company: `Soon ${userId.slice(-6)}` })),
  );
  return { id, start };
}

function remindersOf(interviewId: string) {
  return db.reminder.findMany({
    where: { interviewId },
    orderBy: { dueAt: 'asc' },
    select: { kind: true, state: true, dueAt: true, dedupeKey: true, lastError: true },
  });
}

async function dispatchFromBoth(now?: Date) {
  // Both instances dispatch at the same moment, as two cron ticks racing would.
  return Promise.all(workers.map((worker) => dispatchDueReminders(worker.boss, now)));
}

describe('two workers on one database', () => {
  it('delivers each due reminder exactly once, with a one-click unsubscribe', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => createUserWith({ LEAVE_BY: ['EMAIL', 'IN_APP'] })));
    const interviews = await Promise.all(users.map((user) => createSoonInterview(user.id)));
    for (const { id } of interviews) {
      // Scheduled, or already taken by the dispatch each worker asks for when it starts.
      expect(['SCHEDULED', 'QUEUED', 'SENT']).toContain(
        (await remindersOf(id)).find((reminder) => reminder.kind === 'LEAVE_BY')?.state,
      );
    }

    await dispatchFromBoth();
    await dispatchFromBoth();
    await Promise.all(workers.map((worker) => worker.requestDispatch()));

    const mine = () => users.flatMap((user) => smtp.receivedBy(user.email));
    await waitFor(
      async () => mine().length,
      (count) => count >= users.length,
    );
    // Time for a duplicate to show up if one were coming.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (const user of users) expect(smtp.receivedBy(user.email)).toHaveLength(1);

    const mail = smtp.receivedBy(users[0]!.email)[0]!.parsed;
    expect(mail.subject).toMatch(/^Starts at \d\d:\d\d: Backend Engineer interview at Soon /);
    const rawHeader = (name: string) =>
      mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
    const unsubscribe = String(rawHeader('list-unsubscribe'));
    expect(unsubscribe).toMatch(/^<http:\/\/rebound\.test\/api\/unsubscribe\/[A-Za-z0-9_-]+>$/);
    expect(rawHeader('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(unsubscribe.slice(1, -1));

    const reminders = await db.reminder.findMany({
      where: { interviewId: { in: interviews.map((interview) => interview.id) }, kind: 'LEAVE_BY' },
      select: { state: true },
    });
    expect(reminders.map((reminder) => reminder.state)).toEqual(users.map(() => 'SENT'));
    const deliveries = await db.notificationDelivery.findMany({
      where: { userId: { in: users.map((user) => user.id) } },
      select: { state: true, attempts: true },
    });
    expect(deliveries).toEqual(users.map(() => ({ state: 'SENT', attempts: 1 })));
    const inApp = await db.notification.count({ where: { userId: { in: users.map((user) => user.id) } } });
    expect(inApp).toBe(users.length);
  }, 60_000);

  it('lets one of two concurrent deliveries of the same notification send', async () => {
    let sends = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    registerChannel('PUSH', async () => {
      sends += 1;
      await gate;
      return { status: 'sent' };
    });
    try {
      const user = await createUserWith({ LEAVE_BY: ['PUSH'] });
      const { id } = await createSoonInterview(user.id);
      // Dispatched without the workers running its job: the test delivers it twice by hand.
      await workers[0]!.boss.offWork('notification-delivery');
      await workers[1]!.boss.offWork('notification-delivery');
      await dispatchDueReminders(workers[0]!.boss);
      const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { userId: user.id } });
      const first = deliverNotification({ deliveryId: delivery.id, retryCount: 0, retryLimit: 2 });
      await waitFor(
        async () => sends,
        (count) => count === 1,
      );
      const second = await deliverNotification({ deliveryId: delivery.id, retryCount: 0, retryLimit: 2 }).catch(
        (error: Error) => error.name,
      );
      release();
      expect(await first).toBe('sent');
      expect(second).toBe('RetryLaterError');
      expect(await deliverNotification({ deliveryId: delivery.id, retryCount: 1, retryLimit: 2 })).toBe('not-mine');
      expect(sends).toBe(1);
      expect((await remindersOf(id)).find((reminder) => reminder.kind === 'LEAVE_BY')?.state).toBe('SENT');
    } finally {
      unregisterChannel('PUSH');
      await Promise.all(workers.map((worker) => restartDeliveryWork(worker)));
    }
  }, 30_000);
});

async function restartDeliveryWork(worker: ReminderWorker) {
  await worker.stop();
  const restarted = await startReminderWorker({
    connectionString: process.env.DATABASE_URL as string,
    pollingIntervalSeconds: 0.5,
    retry: FAST_RETRY,
    schedule: false,
    log: () => undefined,
  });
  workers[workers.indexOf(worker)] = restarted;
}

describe('the interview write paths move the reminders', () => {
  it('moves the reminders when the interview is edited, in the same transaction', async () => {
    const user = await createUserWith({ LEAVE_BY: ['EMAIL', 'IN_APP'] });
    const { id } = await createSoonInterview(user.id, NOT_DUE_YET);
    const before = await remindersOf(id);
    const leaveBy = before.find((reminder) => reminder.kind === 'LEAVE_BY')!;

    const later = new Date(Date.now() + 3 * 24 * 60 * MINUTE);
    await updateInterview(user.id, id, parseInterviewForm(formAt(later, { company: `Soon ${user.id.slice(-6)}` })));
    const after = await remindersOf(id);
    expect(after.find((reminder) => reminder.dedupeKey === leaveBy.dedupeKey)?.state).toBe('CANCELLED');
    const moved = after.find((reminder) => reminder.kind === 'LEAVE_BY' && reminder.state === 'SCHEDULED')!;
    expect(moved.dueAt.getTime()).toBeGreaterThan(Date.now() + 2 * 24 * 60 * MINUTE);
    expect(after.filter((reminder) => reminder.state === 'SCHEDULED').map((reminder) => reminder.kind)).toEqual([
      'LEAVE_BY',
    ]);

    await dispatchFromBoth();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.receivedBy(user.email)).toHaveLength(0);
  }, 30_000);

  it('rolls the reminders back with a failed edit', async () => {
    const user = await createUserWith({ LEAVE_BY: ['IN_APP'], CHECK_IN: ['IN_APP'] });
    const { id } = await createSoonInterview(user.id, NOT_DUE_YET);
    const before = await remindersOf(id);
    expect(before.map((reminder) => reminder.kind)).toEqual(['LEAVE_BY', 'CHECK_IN']);
    const stale = new Date(0);
    await expect(
      updateInterview(user.id, id, parseInterviewForm(formAt(new Date(Date.now() + 5 * 24 * 60 * MINUTE))), stale),
    ).rejects.toThrow(/changed in another tab/);
    expect(await remindersOf(id)).toEqual(before);
  });

  it('cancels the reminders when the interview is cancelled, and deleting removes them', async () => {
    const user = await createUserWith({ LEAVE_BY: ['EMAIL', 'IN_APP'] });
    const { id } = await createSoonInterview(user.id, NOT_DUE_YET);
    await changeInterviewStatus(user.id, id, 'CANCELLED');
    expect((await remindersOf(id)).map((reminder) => reminder.state)).toEqual(expect.arrayContaining(['CANCELLED']));
    expect((await remindersOf(id)).filter((reminder) => reminder.state === 'SCHEDULED')).toEqual([]);

    await dispatchFromBoth();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.receivedBy(user.email)).toHaveLength(0);

    await deleteInterview(user.id, id);
    expect(await db.reminder.count({ where: { interviewId: id } })).toBe(0);
  }, 30_000);

  it('skips and records a leave-by reminder whose start passed while nothing was sending', async () => {
    const user = await createUserWith({ LEAVE_BY: ['EMAIL', 'IN_APP'] });
    const { id, start } = await createSoonInterview(user.id, NOT_DUE_YET);
    // The app was down until a minute after the start.
    const result = await dispatchDueReminders(workers[0]!.boss, new Date(start.getTime() + MINUTE));
    expect(result.skipped).toBeGreaterThanOrEqual(1);
    const leaveBy = (await remindersOf(id)).find((reminder) => reminder.kind === 'LEAVE_BY')!;
    expect(leaveBy.state).toBe('SKIPPED');
    expect(leaveBy.lastError).toMatch(/passed/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.receivedBy(user.email)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
  }, 30_000);
});

describe('a channel that throws', () => {
  it('is retried with backoff, then recorded as failed with the reason', async () => {
    let calls = 0;
    registerChannel('PUSH', async () => {
      calls += 1;
      throw new ChannelError('The push service answered 503.', { retryable: true });
    });
    try {
      const user = await createUserWith({ LEAVE_BY: ['PUSH', 'IN_APP'] });
      const { id } = await createSoonInterview(user.id);
      await dispatchFromBoth();
      const delivery = await waitFor(
        () =>
          db.notificationDelivery.findFirstOrThrow({
            where: { userId: user.id },
            select: { state: true, attempts: true, lastError: true },
          }),
        (row) => row.state === 'FAILED',
      );
      expect(delivery).toEqual({
        state: 'FAILED',
        attempts: FAST_RETRY.retryLimit + 1,
        lastError: 'The push service answered 503.',
      });
      expect(calls).toBe(FAST_RETRY.retryLimit + 1);
      const leaveBy = (await remindersOf(id)).find((reminder) => reminder.kind === 'LEAVE_BY')!;
      expect(leaveBy.state).toBe('FAILED');
      expect(leaveBy.lastError).toBe('Push notifications: The push service answered 503.');
    } finally {
      unregisterChannel('PUSH');
    }
  }, 40_000);
});

describe('a channel this server does not have', () => {
  it('records the reminder as not sent, with the reason', async () => {
    unregisterChannel('PUSH');
    const user = await createUserWith({ LEAVE_BY: ['PUSH'] });
    const { id } = await createSoonInterview(user.id);
    await dispatchFromBoth();
    const leaveBy = await waitFor(
      async () => (await remindersOf(id)).find((reminder) => reminder.kind === 'LEAVE_BY')!,
      (reminder) => reminder.state === 'SKIPPED',
    );
    expect(leaveBy.lastError).toBe('Push notifications: not set up on this server.');
  }, 30_000);
});

describe('an SMTP server that refuses', () => {
  it('records a permanent refusal as failed at once, with the server’s answer', async () => {
    const refusing = await startSmtpPeer({ rejectRecipientWith: { code: 550, text: 'No such mailbox here' } });
    process.env.SMTP_PORT = String(refusing.port);
    try {
      const user = await createUserWith({ LEAVE_BY: ['EMAIL', 'IN_APP'] });
      const { id } = await createSoonInterview(user.id);
      await dispatchFromBoth();
      const delivery = await waitFor(
        () =>
          db.notificationDelivery.findFirstOrThrow({
            where: { userId: user.id },
            select: { state: true, attempts: true, lastError: true },
          }),
        (row) => row.state === 'FAILED',
      );
      expect(delivery.attempts).toBe(1);
      expect(delivery.lastError).toMatch(/refused the message: 550 No such mailbox here/);
      expect((await remindersOf(id)).find((reminder) => reminder.kind === 'LEAVE_BY')).toMatchObject({
        state: 'FAILED',
        lastError: expect.stringMatching(/^Email: /),
      });
    } finally {
      process.env.SMTP_PORT = String(smtp.port);
      await refusing.close();
    }
  }, 30_000);
});

describe('the one-click unsubscribe link', () => {
  it('shows a button on GET, unsubscribes on the one-click POST, and drops email from waiting reminders', async () => {
    const user = await createUserWith({ LEAVE_BY: ['EMAIL', 'IN_APP'], CHECK_IN: ['EMAIL'] });
    const { id } = await createSoonInterview(user.id, 3 * 24 * 60);
    const { unsubscribeToken: token } = await db.notificationPreference.findUniqueOrThrow({
      where: { userId: user.id },
    });
    const context = { params: Promise.resolve({ token }) };
    const request = (method: string) =>
      new Request(`http://rebound.test/api/unsubscribe/${token}`, {
        method,
        body: method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined,
      });

    const shown = await getUnsubscribe(request('GET'), context);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<form method="post">');
    expect(
      (await db.notificationPreference.findUniqueOrThrow({ where: { userId: user.id } })).emailUnsubscribedAt,
    ).toBeNull();

    const done = await postUnsubscribe(request('POST'), { params: Promise.resolve({ token }) });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Reminder emails are off');
    const waiting = await db.reminder.findMany({
      where: { interviewId: id, state: 'SCHEDULED' },
      select: { kind: true, channels: true },
    });
    expect(waiting.length).toBeGreaterThan(0);
    for (const reminder of waiting) expect(reminder.channels).not.toContain('EMAIL');

    const again = await postUnsubscribe(request('POST'), { params: Promise.resolve({ token }) });
    expect(again.status).toBe(200);
    const unknown = await postUnsubscribe(request('POST'), { params: Promise.resolve({ token: 'x'.repeat(32) }) });
    expect(unknown.status).toBe(404);
  });
});

describe('the check-in email', () => {
  it('links to a check-in page through a single-use token that opening does not spend', async () => {
    const user = await createUserWith({ CHECK_IN: ['EMAIL'] });
    const { id, start } = await createSoonInterview(user.id);
    // Two hours after the 30-minute slot, as the worker would see it.
    const checkInAt = new Date(start.getTime() + (30 + 120) * MINUTE + 1_000);
    await dispatchDueReminders(workers[0]!.boss, checkInAt);
    const [mail] = await waitFor(
      async () => smtp.receivedBy(user.email),
      (mails) => mails.length >= 1,
    );
    expect(mail!.parsed.subject).toMatch(/^Did it happen\? Backend Engineer interview at Soon /);
    const links = [
      ...String(mail!.parsed.text).matchAll(
        /http:\/\/rebound\.test\/check-in\/([A-Za-z0-9_-]+)\?answer=(happened|missed)/g,
      ),
    ];
    expect(links.map((link) => link[2])).toEqual(['happened', 'missed']);
    const token = links[0]![1]!;
    expect(links[1]![1]).toBe(token);
    expect(await db.checkInToken.count({ where: { userId: user.id, interviewId: id, usedAt: null } })).toBe(1);
    expect(await getCheckInLink(user.id, token)).toMatchObject({ state: 'open', interview: { id } });
    expect(await db.checkInToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
  }, 30_000);
});

describe('"remind me again an hour before" from the interview page', () => {
  it('is dispatched and delivered like the other reminders, then listed as sent', async () => {
    const user = await createUserWith({ EXTRA: ['EMAIL', 'IN_APP'] });
    const { id, start } = await createSoonInterview(user.id, NOT_DUE_YET);
    await addHourBeforeReminder(user.id, id);
    const added = (await remindersOf(id)).find((reminder) => reminder.dedupeKey.startsWith('hour-before:'))!;
    expect(added).toMatchObject({ kind: 'EXTRA', state: 'SCHEDULED', dueAt: new Date(start.getTime() - 60 * MINUTE) });

    await dispatchDueReminders(workers[0]!.boss, new Date(start.getTime() - 60 * MINUTE + 1_000));
    const [mail] = await waitFor(
      async () => smtp.receivedBy(user.email),
      (mails) => mails.length >= 1,
    );
    expect(mail!.parsed.subject).toMatch(/^Get ready: Backend Engineer interview at Soon /);
    expect(mail!.parsed.text).toContain('This is the extra reminder you planned for.');
    await waitFor(
      async () => (await remindersOf(id)).find((reminder) => reminder.dedupeKey === added.dedupeKey)?.state,
      (state) => state === 'SENT',
    );
    const page = await loadInterviewPage(user, id);
    expect(page.reminders.find((item) => item.label === 'An hour before')).toMatchObject({ status: 'sent' });
  }, 30_000);
});

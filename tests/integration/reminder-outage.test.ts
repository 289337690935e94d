// The database going away under a running reminder worker: while it is gone nothing is sent and
// the worker stays up; once it is back the due reminder goes out, once.
import net from 'node:net';
import { getDb } from '@/lib/db';
import { REMINDER_KINDS } from '@/lib/domain/reminders';
import { utcToZonedLocal } from '@/lib/domain/time';
import { dispatchDueReminders } from '@/lib/server/jobs/dispatch-reminders';
import { startReminderWorker, type ReminderWorker } from '@/lib/server/jobs/reminder-worker';
import { createUnsubscribeToken } from '@/lib/server/notifications/reminder-preferences';
import { createInterview } from '@/lib/server/interviews/create-interview';
import { startSmtpPeer, type SmtpPeer } from '@/tests/support/smtp-peer.mjs';
import { createTestUser } from './support/factories';
import { interviewInput, parseInterviewForm, pickZone } from './support/interview-fixtures';

const MINUTE = 60_000;

/** A relay to the test database that can be cut (connections dropped, new ones refused) and restored. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    async cut() {
      const closed = new Promise((resolve) => server?.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: listen,
    close: () => new Promise((resolve) => server?.close(resolve)),
  };
}

const direct = process.env.DATABASE_URL as string;
let relay: Awaited<ReturnType<typeof startRelay>>;
let smtp: SmtpPeer;
let worker: ReminderWorker;

beforeAll(async () => {
  relay = await startRelay(new URL(direct));
  // The app's client and the worker both reach the database through the relay.
  process.env.DATABASE_URL = relay.url;
  smtp = await startSmtpPeer();
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(smtp.port);
  process.env.NEXTAUTH_URL = 'http://rebound.test';
  worker = await startReminderWorker({
    connectionString: relay.url,
    pollingIntervalSeconds: 0.5,
    retry: { retryLimit: 5, retryDelay: 1, retryBackoff: false },
    schedule: false,
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await smtp.close();
  await getDb().$disconnect();
  await relay.close();
  process.env.DATABASE_URL = direct;
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('sends nothing while the database is gone, keeps the worker up, and sends the due reminder once when it is back', async () => {
  const user = await createTestUser({ timeZone: 'UTC' });
  const channels = Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, kind === 'LEAVE_BY' ? ['EMAIL'] : []]));
  await getDb().notificationPreference.create({
    data: { userId: user.id, channels, unsubscribeToken: createUnsubscribeToken() },
  });
  // A video interview 20 minutes away: its reminder 30 minutes before the start is due now.
  const start = new Date(Math.ceil((Date.now() + 20 * MINUTE) / MINUTE) * MINUTE);
  const zone = pickZone(start);
  const local = utcToZonedLocal(start, zone);
  const end = utcToZonedLocal(new Date(start.getTime() + 30 * MINUTE), zone);
  await createInterview(
    user.id,
    parseInterviewForm(
      interviewInput({
        date: local.slice(0, 10),
        startTime: local.slice(11, 16),
        endTime: end.slice(11, 16),
        timeZone: zone,
        format: 'VIDEO',
        company: 'Outage Ltd',
      }),
    ),
  );

  await relay.cut();
  await expect(dispatchDueReminders(worker.boss)).rejects.toThrow();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(smtp.receivedBy(user.email)).toEqual([]);

  await relay.restore();
  // The first dispatch after the cut may meet a pooled connection that died with it.
  await waitFor(
    async () => (await dispatchDueReminders(worker.boss).catch(() => null)) !== null,
    20_000,
    'a dispatch to succeed',
  );
  await waitFor(() => smtp.receivedBy(user.email).length > 0, 30_000, 'the reminder email');
  await dispatchDueReminders(worker.boss);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(smtp.receivedBy(user.email)).toHaveLength(1);
  expect(
    await getDb().reminder.findMany({ where: { userId: user.id, kind: 'LEAVE_BY' }, select: { state: true } }),
  ).toEqual([{ state: 'SENT' }]);
}, 120_000);

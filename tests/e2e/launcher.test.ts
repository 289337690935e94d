import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { HttpClient } from './support/http-client';
import {
  countBy,
  exportedCompanies,
  freePort,
  isAlive,
  makeDataDir,
  removeDataDir,
  runningPostmaster,
  settlesWithin,
  startLauncher,
  waitFor,
  writeContinuously,
  type Launcher,
} from './support/load';

// `npm start` in embedded mode, killed and stopped under load by the test itself: each test
// runs launchers of its own on a data dir of its own.
test.describe.configure({ timeout: 240_000 });

const PASSWORD = 'a long enough password';
const WRITERS = 8;

/** One signed-in session, shared by `count` parallel writers (like tabs of one browser). */
async function signedInWriters(baseUrl: string, email: string, count: number): Promise<HttpClient[]> {
  const client = new HttpClient(baseUrl);
  await client.signUp(email, PASSWORD);
  return Array(count).fill(client);
}

async function stopLauncher(launcher: Launcher): Promise<void> {
  if (launcher.child.exitCode !== null || launcher.child.signalCode !== null) return;
  launcher.child.kill('SIGTERM');
  await launcher.exited;
}

async function expectStoredExactlyOnce(baseUrl: string, email: string, companies: string[]): Promise<void> {
  const client = new HttpClient(baseUrl);
  await client.signIn(email, PASSWORD);
  const stored = countBy(await exportedCompanies(client));
  const missing = companies.filter((company) => !stored.has(company));
  const repeated = companies.filter((company) => (stored.get(company) ?? 0) > 1);
  expect({ missing, repeated }).toEqual({ missing: [], repeated: [] });
}

test.describe('the launcher', () => {
  let dataDir: string;
  const launchers: Launcher[] = [];

  test.beforeEach(() => {
    dataDir = makeDataDir();
  });

  test.afterEach(async () => {
    for (const launcher of launchers.splice(0)) await stopLauncher(launcher);
    const orphan = runningPostmaster(dataDir);
    if (orphan) process.kill(orphan, 'SIGINT');
    await waitFor(() => runningPostmaster(dataDir) === null, 30_000, 'the test cluster to stop');
    removeDataDir(dataDir);
  });

  test('starts again after kill -9 of its process group in the middle of a write burst, with every acknowledged write', async () => {
    const port = await freePort();
    const first = await startLauncher(dataDir, port);
    launchers.push(first);
    const email = `crash-${randomUUID()}@example.test`;
    const writers = writeContinuously(
      await signedInWriters(first.baseUrl, email, WRITERS),
      `Crash${randomUUID().slice(0, 6)}`,
    );
    await waitFor(() => writers.acknowledged().length >= 40, 120_000, '40 acknowledged writes');

    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    await writers.stop();
    const acknowledged = writers.acknowledged().map((outcome) => outcome.company);
    // The postmaster runs in a session of its own, so it outlives the killed group: this is the
    // leftover server the next start must deal with.
    expect(runningPostmaster(dataDir)).not.toBeNull();

    const second = await startLauncher(dataDir, port);
    launchers.push(second);
    expect(second.output()).toMatch(/Stopping a PostgreSQL server \(pid \d+\) left running/);
    await expectStoredExactlyOnce(second.baseUrl, email, acknowledged);
  });

  test('on SIGTERM under load refuses new work, finishes what is in flight, loses nothing and is gone within 15 s', async () => {
    const port = await freePort();
    const launcher = await startLauncher(dataDir, port);
    launchers.push(launcher);
    const email = `shutdown-${randomUUID()}@example.test`;
    const writers = writeContinuously(
      await signedInWriters(launcher.baseUrl, email, WRITERS),
      `Stop${randomUUID().slice(0, 6)}`,
    );
    await waitFor(() => writers.acknowledged().length >= 30, 120_000, '30 acknowledged writes');
    const postmaster = runningPostmaster(dataDir);
    expect(postmaster).not.toBeNull();

    const signalledAt = Date.now();
    process.kill(launcher.child.pid!, 'SIGTERM');
    // The moment the launcher says it is stopping is when new work must be refused.
    await waitFor(
      () => /SIGTERM: finishing the requests in flight/.test(launcher.output()),
      5_000,
      'the launcher to begin stopping',
    );
    const stoppingAt = Date.now();
    const exitedInTime = await settlesWithin(launcher.exited, 15_000 - (Date.now() - signalledAt));
    await writers.stop();

    expect(exitedInTime).toBe(true);
    expect(launcher.child.exitCode).toBe(0);
    expect(isAlive(postmaster!)).toBe(false);
    expect(() => process.kill(-launcher.child.pid!, 0)).toThrow();
    const lateAcknowledged = writers.acknowledged().filter((outcome) => outcome.sentAt > stoppingAt);
    expect(lateAcknowledged).toEqual([]);
    const refusedAfterStop = writers.outcomes.filter((outcome) => outcome.sentAt > stoppingAt && !outcome.acknowledged);
    expect(refusedAfterStop.length).toBeGreaterThan(0);

    const again = await startLauncher(dataDir, port);
    launchers.push(again);
    await expectStoredExactlyOnce(
      again.baseUrl,
      email,
      writers.acknowledged().map((outcome) => outcome.company),
    );
  });
});

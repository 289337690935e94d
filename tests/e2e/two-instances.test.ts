import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test } from './support/accessibility';
import { startEmbeddedDatabase } from '@/scripts/lib/embedded-database.mjs';
import { HttpClient, readActionResult, actionId } from './support/http-client';
import {
  createInterview,
  exportedCompanies,
  freePort,
  makeDataDir,
  removeDataDir,
  startLauncher,
  type Launcher,
} from './support/load';

// Two app instances (each with its worker) on one PostgreSQL, as behind a load balancer: a
// session, its end and the per-address limits hold across them, whichever instance answers.
test.describe.configure({ timeout: 300_000 });

test.describe('two instances on one database', () => {
  let databaseDir: string;
  let dataDirs: string[] = [];
  let database: { url: string; stop: () => Promise<void> } | undefined;
  let launchers: Launcher[] = [];

  test.beforeAll(async () => {
    databaseDir = makeDataDir();
    database = await startEmbeddedDatabase({ dataDir: databaseDir, log: () => undefined });
    const secret = randomBytes(32).toString('base64url');
    dataDirs = [makeDataDir(), makeDataDir()];
    // One after the other: the second finds the migrations applied.
    for (const dataDir of dataDirs) {
      launchers.push(
        await startLauncher(dataDir, await freePort(), {
          DATABASE_URL: database.url,
          NEXTAUTH_SECRET: secret,
          REBOUND_SIGN_UPS_PER_IP: '5',
        }),
      );
    }
  });

  test.afterAll(async () => {
    for (const launcher of launchers) {
      if (launcher.child.exitCode === null) {
        launcher.child.kill('SIGTERM');
        await launcher.exited;
      }
    }
    launchers = [];
    await database?.stop();
    for (const dir of [databaseDir, ...dataDirs]) removeDataDir(dir);
  });

  test('a session opened on one instance works on the other, and signing out on either ends it on both', async () => {
    const [first, second] = launchers as [Launcher, Launcher];
    const onFirst = new HttpClient(first.baseUrl);
    await onFirst.signUp(`two-${randomUUID()}@example.test`);
    expect((await createInterview(onFirst, 'Written on the first')).acknowledged).toBe(true);

    const onSecond = onFirst.onAnotherInstance(second.baseUrl);
    expect((await onSecond.get('/dashboard')).status).toBe(200);
    expect(await exportedCompanies(onSecond)).toEqual(['Written on the first']);

    // Signed out through the second instance; the copy of the cookie the first one holds is dead too.
    const keptCopy = onSecond.onAnotherInstance(first.baseUrl);
    const signOut = await onSecond.callAction('signOutAction', [{ to: 'home' }]);
    expect([200, 303]).toContain(signOut.status);
    const afterwards = await keptCopy.get('/dashboard');
    expect(afterwards.status).toBe(307);
    expect(afterwards.headers.get('location')).toMatch(/\/sign-in\?callbackUrl=/);
  });

  test('the per-address sign-up limit counts attempts on both instances together', async () => {
    const answers: unknown[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const launcher = launchers[attempt % 2] as Launcher;
      const client = new HttpClient(launcher.baseUrl);
      const response = await client.request('/sign-up', {
        method: 'POST',
        headers: {
          'Next-Action': actionId('signUpAction'),
          Accept: 'text/x-component',
          'Content-Type': 'text/plain;charset=UTF-8',
          Origin: launcher.baseUrl,
        },
        body: JSON.stringify([
          {
            name: 'Spread',
            email: `spread-${attempt}-${randomUUID()}@example.test`,
            password: 'a long enough password',
            timeZone: 'Europe/London',
          },
        ]),
      });
      answers.push(readActionResult(response.text));
    }
    // The first test's sign-up used one of the five.
    expect(answers.slice(0, 4)).toEqual(Array(4).fill(expect.objectContaining({ ok: true })));
    expect(answers.slice(4)).toEqual(Array(4).fill(expect.objectContaining({ ok: false, code: 'RATE_LIMITED' })));
  });

  test('both instances report a running worker and the same queue', async () => {
    const reports = await Promise.all(
      launchers.map(
        async (launcher) =>
          (await (await fetch(`${launcher.baseUrl}/api/health`)).json()) as {
            worker?: { running?: boolean; queueDepth?: number | null };
          },
      ),
    );
    for (const report of reports) expect(report.worker).toMatchObject({ running: true });
    expect(reports[0]?.worker?.queueDepth).toBe(reports[1]?.worker?.queueDepth);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { expect, test } from './support/accessibility';
import { startEmbeddedDatabase } from '@/scripts/lib/embedded-database.mjs';
import { HttpClient } from './support/http-client';
import {
  createInterview,
  exportedCompanies,
  interviewForm,
  freePort,
  makeDataDir,
  removeDataDir,
  startLauncher,
  waitFor,
  type Launcher,
} from './support/load';

// The app on a PostgreSQL it reaches only through a TCP proxy this test controls: cutting the
// proxy is the database going away (the connections drop, new ones are refused), and
// reconnecting it is the database coming back.
test.describe.configure({ timeout: 240_000 });

const MESSAGE = "Rebound can't reach its database right now. Nothing you typed is lost; try again in a moment.";

/** A proxy from a port of its own to 127.0.0.1:target that can be cut and reconnected. */
function startProxy(target: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server?.address() as net.AddressInfo).port));
    });
  return {
    listen,
    async cut() {
      const closed = new Promise((resolve) => server?.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

test.describe('the database going away', () => {
  let dataDir: string;
  let databaseDir: string;
  let database: { url: string; port: number; stop: () => Promise<void> } | undefined;
  let launcher: Launcher | undefined;

  test.beforeEach(() => {
    dataDir = makeDataDir();
    databaseDir = makeDataDir();
  });

  test.afterEach(async () => {
    if (launcher && launcher.child.exitCode === null) {
      launcher.child.kill('SIGTERM');
      await launcher.exited;
    }
    await database?.stop();
    removeDataDir(dataDir);
    removeDataDir(databaseDir);
  });

  test('pages answer 503 with a clear page, actions fail with a message, and both recover', async ({ page }) => {
    database = await startEmbeddedDatabase({ dataDir: databaseDir, log: () => undefined });
    const proxy = startProxy(database.port);
    const proxyPort = await proxy.listen(0);
    const url = new URL(database.url);
    url.port = String(proxyPort);
    launcher = await startLauncher(dataDir, await freePort(), {
      DATABASE_URL: url.toString(),
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    });

    const client = new HttpClient(launcher.baseUrl);
    const email = `outage-${randomUUID()}@example.com`;
    await client.signUp(email);
    expect((await createInterview(client, 'Before the cut')).acknowledged).toBe(true);

    await proxy.cut();

    const list = await client.get('/interviews');
    expect(list.status).toBe(503);
    expect(list.headers.get('retry-after')).toBe('5');
    // The error page is rendered in the browser, from the digest the server sends.
    expect(list.text).toContain('REBOUND_DATABASE_UNAVAILABLE');
    await page.context().addCookies(client.cookieList());
    const shown = await page.goto(`${launcher.baseUrl}/interviews`);
    expect(shown?.status()).toBe(503);
    await expect(page.getByRole('alert')).toContainText(MESSAGE);

    const action = await client.callAction(
      'createInterviewAction',
      [interviewForm('During the cut')],
      '/interviews/new',
    );
    expect(action).toEqual({ status: 200, result: { ok: false, code: 'UNAVAILABLE', message: MESSAGE } });
    expect((await client.get('/api/health')).status).toBe(503);

    await proxy.listen(proxyPort);
    const reconnectedAt = Date.now();
    await waitFor(
      async () => (await client.get('/interviews')).status === 200,
      10_000,
      'the interview list after reconnecting',
    );
    expect(Date.now() - reconnectedAt).toBeLessThan(2_000);
    expect((await createInterview(client, 'After the cut')).acknowledged).toBe(true);
    // What was refused during the cut was not half written.
    expect((await exportedCompanies(client)).sort()).toEqual(['After the cut', 'Before the cut']);
  });
});

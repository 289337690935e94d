// npm run test:e2e: serves a production build on a fresh embedded database (exactly what
// `npm start` does) with a real SMTP peer beside it, then runs tests/e2e in Debian's Chromium.
// Every message the peer accepts is saved to E2E_SMTP_DIR for support/mailbox.ts to read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');

/** `count` different TCP ports on 127.0.0.1 that were free a moment ago. */
function findFreePorts(count: number): number[] {
  // A config cannot await, so a child process asks; it holds every port until all are known.
  const script = `
    import { createServer } from 'node:net';
    const servers = await Promise.all(Array.from({ length: ${count} }, () => new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    })));
    console.log(servers.map((server) => server.address().port).join(' '));
    for (const server of servers) server.close();`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .map(Number);
}

// Playwright loads this file in the runner and again in each worker. The runner picks the ports
// and makes the run's folder; workers inherit the runner's environment and so reuse them.
if (!process.env.E2E_RUN_DIR) {
  mkdirSync(path.join(ROOT, '.test-data'), { recursive: true });
  const runDir = mkdtempSync(path.join(ROOT, '.test-data', 'e2e-'));
  const [appPort, smtpPort] = findFreePorts(2);
  process.env.E2E_RUN_DIR = runDir;
  process.env.E2E_BASE_URL = `http://localhost:${appPort}`;
  process.env.E2E_SMTP_PORT = String(smtpPort);
  process.env.E2E_SMTP_DIR = path.join(runDir, 'smtp-received');
  // Not in a globalTeardown: Playwright runs that before it stops the webServers, and the
  // embedded PostgreSQL must be stopped before its files go. At exit both servers are down.
  process.on('exit', () => rmSync(runDir, { recursive: true, force: true }));
}

const runDir = process.env.E2E_RUN_DIR;
const baseUrl = process.env.E2E_BASE_URL ?? '';

const browser = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

/** Files that run alone: launchers and databases of their own, or load on the shared app. */
const ALONE = [
  'launcher.test.ts',
  'two-instances.test.ts',
  'database-outage.test.ts',
  'throttle.test.ts',
  'concurrency.test.ts',
  'fuzz.test.ts',
  'request-hygiene.test.ts',
].map((file) => `**/${file}`);

export default defineConfig({
  testDir: '.',
  outputDir: path.join(ROOT, '.test-data', 'e2e-results'),
  // Two at most, on a two-core machine: the browser tests of the shared app spend most of their
  // time waiting on it. Files run whole in one worker (fullyParallel off), in file order.
  workers: 2,
  fullyParallel: false,
  // A flaky test must be seen, not retried until it passes.
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // The shortest of the files' own timeouts (smoke); longer ones are set per file.
  timeout: 60_000,
  use: {
    baseURL: baseUrl,
    // playwright-core's defaults, which these tests were written against.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      // Tests that only sign up accounts of their own on the shared app: two files at a time.
      name: 'chromium',
      testIgnore: ALONE,
      workers: 2,
      use: browser,
    },
    {
      // Then, one at a time and with nothing else running, the tests that start and stop servers
      // of their own (their clocks and signals must not wait on another test's load) or that put
      // the shared app itself under load.
      name: 'alone',
      testMatch: ALONE,
      dependencies: ['chromium'],
      workers: 1,
      use: browser,
    },
  ],
  webServer: [
    {
      name: 'smtp',
      command: 'node tests/e2e/support/run-smtp-peer.mjs',
      cwd: ROOT,
      env: { E2E_SMTP_PORT: process.env.E2E_SMTP_PORT ?? '', E2E_SMTP_DIR: process.env.E2E_SMTP_DIR ?? '' },
      wait: { stdout: /SMTP peer listening/ },
      timeout: 10_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      name: 'app',
      command: 'node scripts/start.mjs',
      cwd: ROOT,
      url: `${baseUrl}/api/health`,
      env: {
        // Empty is unset to the launcher: the embedded database in REBOUND_DATA_DIR.
        DATABASE_URL: '',
        PORT: new URL(baseUrl).port,
        // The run's folder itself: the launcher makes a data dir reachable for the postgres
        // user, but not the folders above it.
        REBOUND_DATA_DIR: runDir ?? '',
        NEXTAUTH_URL: baseUrl,
        // Every e2e test signs up from 127.0.0.1; the per-address sign-up limit would stop the
        // sixth. The limit itself is covered by integration tests.
        REBOUND_SIGN_UPS_PER_IP: '1000',
        // Likewise for failed sign-ins: the tests' wrong passwords and the concurrent sign-ins
        // (each counted until its password checks out) all come from 127.0.0.1.
        REBOUND_SIGN_IN_FAILURES_PER_IP: '1000',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: process.env.E2E_SMTP_PORT ?? '',
        SMTP_SECURE: 'false',
        SMTP_FROM: 'Rebound <no-reply@rebound.test>',
      },
      // The first run builds the app.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      // The launcher drains requests in flight (at most 10 s), then stops the database.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
  ],
});

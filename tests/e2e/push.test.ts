/**
 * The installable app in Debian's Chromium: the manifest and its icons, the service worker served
 * under its own CSP while pages keep theirs, the worker registered by the subscribe control, and a
 * push delivered to it (through DevTools' ServiceWorker.deliverPushMessage, as the DevTools "Push"
 * button does) shown with its buttons. PushManager.subscribe needs the browser's push service
 * (Google's FCM for Chromium), which this machine cannot reach: what the control does then, and
 * the row a real subscription makes, are checked as far as they can be here.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { expect, test, type Page } from './support/accessibility';
import { signUpNewUser } from './support/accounts';
import { baseUrl } from './support/browser';

test.describe.configure({ timeout: 120_000 });

/** The app's embedded database (the launcher's data dir is the run's folder). */
async function queryAppDatabase<T>(sql: string, params: unknown[]): Promise<T[]> {
  const dataDir = process.env.E2E_RUN_DIR ?? '';
  const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  // postmaster.pid: pid, data dir, start time, port, ...
  const port = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'rebound' });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function readWorkerState(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/');
    const worker = registration?.active ?? registration?.waiting ?? registration?.installing;
    return {
      scope: registration?.scope ?? null,
      scriptURL: worker?.scriptURL ?? null,
      controlled: !!navigator.serviceWorker.controller,
    };
  });
}

test('the manifest and its icons are served, and every page links it', async ({ page, request }) => {
  await page.goto(`${baseUrl}/sign-in`);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');

  const response = await request.get(`${baseUrl}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as {
    start_url: string;
    display: string;
    short_name: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({
    short_name: 'Rebound',
    start_url: '/dashboard',
    display: 'standalone',
    theme_color: '#2358d8',
  });
  expect(manifest.icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`).sort()).toEqual([
    '192x192 any',
    '192x192 maskable',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of manifest.icons) {
    const png = await request.get(`${baseUrl}${icon.src}`);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const side = Number(icon.sizes.split('x')[0]);
    expect(pngSize(await png.body())).toEqual({ width: side, height: side });
  }
});

test('the service worker has its own strict CSP, and pages keep theirs with the worker and manifest allowed', async ({
  page,
  request,
}) => {
  const worker = await request.get(`${baseUrl}/sw.js`);
  expect(worker.status()).toBe(200);
  const headers = worker.headers();
  expect(headers['content-type']).toMatch(/^text\/javascript/);
  expect(headers['cache-control']).toBe('no-cache');
  expect(headers['content-security-policy']).toBe(
    "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(await worker.text()).toContain("addEventListener('notificationclick'");

  const pageResponse = await page.goto(`${baseUrl}/sign-in`);
  const csp = pageResponse!.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("manifest-src 'self'");
});

/** Turns notifications on from the account page; answers the control's state once it settles, and the user's stored endpoints. */
async function turnOnNotifications(page: Page, email: string) {
  await page.goto(`${baseUrl}/account`);
  const control = page.locator('[data-push-state]');
  await expect(control).toHaveAttribute('data-push-state', 'off');
  await page.getByRole('button', { name: 'Turn on notifications' }).click();
  await expect.poll(async () => (await readWorkerState(page)).scriptURL).toBe(`${baseUrl}/sw.js`);
  expect(await readWorkerState(page)).toMatchObject({ scope: `${baseUrl}/` });
  await expect(control.getByRole('button')).toBeEnabled({ timeout: 60_000 });
  const state = await control.getAttribute('data-push-state');
  const rows = await queryAppDatabase<{ endpoint: string; p256dh: string }>(
    'SELECT s.endpoint, s.p256dh FROM "PushSubscription" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1',
    [email],
  );
  return { control, state, rows };
}

/** What PushManager.subscribe itself answers in this page, for the report. */
async function trySubscribe(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const { publicKey } = (await (await fetch('/api/push/public-key')).json()) as { publicKey: string };
    const settled = registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey }).then(
      (subscription) => `subscribed: ${new URL(subscription.endpoint).host}`,
      (error: Error) => `${error.name}: ${error.message}`,
    );
    return Promise.race([
      settled,
      new Promise<string>((resolve) => setTimeout(() => resolve('still pending after 15 s'), 15_000)),
    ]);
  });
}

type ShownNotification = {
  title: string;
  body: string;
  tag: string;
  actions?: { action: string; title: string }[];
  data: unknown;
};

/** Delivers a push message to the page's service worker as DevTools does, and answers the notifications it then shows. */
async function deliverPush(page: Page, payload: unknown): Promise<ShownNotification[]> {
  // A push reaches only an activated worker.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  const cdp = await page.context().newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find(
        (registration) => registration.scopeURL === `${baseUrl}/` && !registration.isDeleted,
      );
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: baseUrl,
    registrationId: await registrationId,
    data: JSON.stringify(payload),
  });
  const read = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications()).map((shown) => ({
        title: shown.title,
        body: shown.body,
        tag: shown.tag,
        actions: (shown as Notification & { actions?: { action: string; title: string }[] }).actions?.map(
          ({ action, title }) => ({ action, title }),
        ),
        data: shown.data as unknown,
      }));
    });
  await expect.poll(async () => (await read()).length, { timeout: 15_000 }).toBeGreaterThan(0);
  return read();
}

const reminder = {
  title: 'Acme interview in 45 minutes',
  body: 'Leave by 09:20.',
  url: '/interviews/abc',
  tag: 'reminder-e2e',
  actions: [
    { action: 'running-late', title: 'Running late', url: '/interviews/abc/recover?kind=RUNNING_LATE' },
    {
      action: 'directions',
      title: 'Directions',
      url: 'https://www.google.com/maps/search/?api=1&query=1%20High%20Street',
    },
  ],
};

const shownReminder = () => ({
  title: 'Acme interview in 45 minutes',
  body: 'Leave by 09:20.',
  tag: 'reminder-e2e',
  actions: [
    { action: 'running-late', title: 'Running late' },
    { action: 'directions', title: 'Directions' },
  ],
  data: {
    url: `${baseUrl}/interviews/abc`,
    actionUrls: {
      'running-late': `${baseUrl}/interviews/abc/recover?kind=RUNNING_LATE`,
      directions: 'https://www.google.com/maps/search/?api=1&query=1%20High%20Street',
    },
  },
});

test.describe('with notifications allowed', () => {
  test.use({ permissions: ['notifications'] });

  test('in a private window the control registers the worker, says Chromium refused, and stores nothing; a push still shows with its buttons', async ({
    page,
  }) => {
    const { email } = await signUpNewUser(page);
    const { control, state, rows } = await turnOnNotifications(page, email);
    // Playwright's contexts are off the record, where Chromium has no Push API ("Registration failed - permission denied").
    expect(state).toBe('off');
    await expect(control.getByRole('alert')).toContainText('could not subscribe to notifications');
    expect(rows).toEqual([]);
    const refusal = await trySubscribe(page);
    test.info().annotations.push({ type: 'PushManager.subscribe (private window)', description: refusal });
    expect(refusal).toMatch(/^AbortError/);

    expect(await deliverPush(page, reminder)).toEqual([shownReminder()]);
  });
});

test("in a normal profile the control subscribes as far as the browser's push service lets it", async ({
  playwright,
}, testInfo) => {
  const profile = mkdtempSync(path.join(process.env.E2E_RUN_DIR ?? tmpdir(), 'chromium-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    permissions: ['notifications'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const { email } = await signUpNewUser(page);
    const { control, state, rows } = await turnOnNotifications(page, email);
    const outcome = await trySubscribe(page);
    testInfo.annotations.push({ type: 'PushManager.subscribe (profile)', description: outcome });
    console.log(`PushManager.subscribe in a profile: ${outcome}; control ${state}; rows ${JSON.stringify(rows)}`);
    if (state === 'on') {
      expect(rows).toHaveLength(1);
      expect(rows[0]!.endpoint).toMatch(/^https:\/\//);
    } else {
      await expect(control.getByRole('alert')).toContainText('could not subscribe to notifications');
      expect(rows).toEqual([]);
    }
    // No push delivery here: in a profile with its push service unreachable, pushes sent through
    // DevTools were shown in only 2 of 4 runs on this machine; the private-window test above
    // shows one every time.
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

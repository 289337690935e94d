/**
 * Web push end to end on this side of the browser: sendPushToUser encrypts to a subscription's
 * keys and POSTs to its push service, here a real https server on 127.0.0.1; the test decrypts
 * what arrived with the keys a browser would hold. The subscription routes are called the way
 * Next.js calls them, with the session stood in for (support/session.ts).
 */
import { randomUUID } from 'node:crypto';
import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSPKI, jwtVerify } from 'jose';
import { DELETE as deleteSubscription, POST as postSubscription } from '@/app/api/push/subscriptions/route';
import { GET as getPublicKey } from '@/app/api/push/public-key/route';
import { getDb } from '@/lib/db';
import { ConflictError } from '@/lib/errors';
import { buildInterviewPushPayload } from '@/lib/server/push/payload';
import { savePushSubscription } from '@/lib/server/push/save-push-subscription';
import { sendPushToUser } from '@/lib/server/push/send-push-to-user';
import { getVapidKeys, resetVapidKeysForTests } from '@/lib/server/push/vapid-keys';
import { createSession } from '@/lib/server/sessions/create-session';
import { revokeSession } from '@/lib/server/sessions/revoke-session';
import type { ChannelMessage } from '@/lib/server/notifications/channels';
import { sendReminderPush } from '@/lib/server/notifications/push-channel';
import { createTestUser } from './support/factories';
import {
  createBrowserKeys,
  decryptPushMessage,
  startLocalPushService,
  type LocalPushService,
} from './support/push-service';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);

const db = getDb();
const APP = 'http://rebound.test';
let pushService: LocalPushService;
let dataDir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'rebound-push-'));
  process.env.REBOUND_DATA_DIR = dataDir;
  process.env.NEXTAUTH_URL = APP;
  delete process.env.VAPID_PUBLIC_KEY;
  delete process.env.VAPID_PRIVATE_KEY;
  delete process.env.VAPID_SUBJECT;
  resetVapidKeysForTests();
  pushService = await startLocalPushService();
});

afterAll(async () => {
  await pushService.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.env = savedEnv;
  await db.$disconnect();
});

/** A browser signed in as `userId`: its session, as a sign-in makes it. */
async function signedInBrowser(userId: string) {
  return { userId, sessionId: (await createSession(userId, 'jest')).id, userAgent: null };
}

/** A browser subscribed for `userId` whose push service is the local one. */
async function subscribeBrowser(userId: string, sessionId?: string) {
  const keys = createBrowserKeys();
  const pathname = `/push/${randomUUID()}`;
  const session = sessionId ?? (await signedInBrowser(userId)).sessionId;
  // Stored directly: the routes refuse endpoints on 127.0.0.1, which the server must never call for a stranger.
  const row = await db.pushSubscription.create({
    data: {
      userId,
      sessionId: session,
      endpoint: `${pushService.origin}${pathname}`,
      p256dh: keys.p256dh,
      auth: keys.auth,
    },
  });
  return { keys, pathname, row };
}

const receivedAt = (pathname: string) => pushService.received.filter((request) => request.path === pathname);

describe('sendPushToUser', () => {
  it('delivers a payload the browser decrypts (aes128gcm), signed with the VAPID key', async () => {
    const user = await createTestUser();
    const browser = await subscribeBrowser(user.id);
    const payload = buildInterviewPushPayload({
      title: 'Acme interview tomorrow at 10:00',
      body: 'Leave by 09:20. 1 High Street, London.',
      interviewId: 'int_123',
      address: '1 High Street, London',
      tag: 'reminder-1',
    });

    const outcomes = await sendPushToUser(user.id, payload, { ttlSeconds: 600, topic: 'reminder1' });

    expect(outcomes).toEqual([
      { subscriptionId: browser.row.id, endpoint: browser.row.endpoint, status: 'sent', statusCode: 201 },
    ]);
    const [request] = receivedAt(browser.pathname);
    expect(request?.headers).toMatchObject({
      'content-encoding': 'aes128gcm',
      ttl: '600',
      urgency: 'high',
      topic: 'reminder1',
    });
    expect(JSON.parse(decryptPushMessage(request!.body, browser.keys))).toEqual({
      title: 'Acme interview tomorrow at 10:00',
      body: 'Leave by 09:20. 1 High Street, London.',
      url: '/interviews/int_123',
      tag: 'reminder-1',
      actions: [
        { action: 'running-late', title: 'Running late', url: '/interviews/int_123#running-late' },
        {
          action: 'directions',
          title: 'Directions',
          url: 'https://www.google.com/maps/search/?api=1&query=1%20High%20Street%2C%20London',
        },
      ],
    });

    // VAPID (RFC 8292): a JWT for the push service's origin, signed by the key the browser subscribed with.
    const match = /^vapid t=([^,]+), k=(.+)$/.exec(String(request!.headers.authorization));
    expect(match?.[2]).toBe(getVapidKeys().publicKey);
    const rawPublicKey = Buffer.from(getVapidKeys().publicKey, 'base64url');
    const spki = Buffer.concat([
      Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'),
      rawPublicKey,
    ]);
    const { payload: claims } = await jwtVerify(
      match![1]!,
      await importSPKI(`-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----`, 'ES256'),
    );
    expect(claims).toMatchObject({ aud: pushService.origin, sub: 'mailto:push@rebound.invalid' });

    const stored = await db.pushSubscription.findUniqueOrThrow({ where: { id: browser.row.id } });
    expect(stored.lastSuccessAt).not.toBeNull();
  });

  it('the wrong keys cannot read it', async () => {
    const user = await createTestUser();
    const browser = await subscribeBrowser(user.id);
    await sendPushToUser(user.id, { title: 'Hi', body: 'There', url: '/dashboard' });
    expect(() => decryptPushMessage(receivedAt(browser.pathname)[0]!.body, createBrowserKeys())).toThrow();
  });

  it('sends to every browser of the user and to nobody else', async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const [laptop, phone, stranger] = await Promise.all([
      subscribeBrowser(user.id),
      subscribeBrowser(user.id),
      subscribeBrowser(other.id),
    ]);

    const outcomes = await sendPushToUser(user.id, { title: 'Hi', body: 'There', url: '/dashboard' });

    expect(outcomes.map((outcome) => outcome.subscriptionId).sort()).toEqual([laptop.row.id, phone.row.id].sort());
    expect(JSON.parse(decryptPushMessage(receivedAt(phone.pathname)[0]!.body, phone.keys))).toMatchObject({
      title: 'Hi',
    });
    expect(receivedAt(stranger.pathname)).toEqual([]);
  });

  it('deletes a subscription its push service calls gone (410) or unknown (404), and keeps the others', async () => {
    const user = await createTestUser();
    const [expired, unknown, live] = await Promise.all([
      subscribeBrowser(user.id),
      subscribeBrowser(user.id),
      subscribeBrowser(user.id),
    ]);
    pushService.answer(expired.pathname, 410, 'push subscription has unsubscribed or expired.');
    pushService.answer(unknown.pathname, 404);

    const outcomes = await sendPushToUser(user.id, { title: 'Hi', body: 'There', url: '/dashboard' });

    expect(outcomes).toEqual(
      expect.arrayContaining([
        { subscriptionId: expired.row.id, endpoint: expired.row.endpoint, status: 'gone', statusCode: 410 },
        { subscriptionId: unknown.row.id, endpoint: unknown.row.endpoint, status: 'gone', statusCode: 404 },
        { subscriptionId: live.row.id, endpoint: live.row.endpoint, status: 'sent', statusCode: 201 },
      ]),
    );
    expect((await db.pushSubscription.findMany({ where: { userId: user.id } })).map((row) => row.id)).toEqual([
      live.row.id,
    ]);
  });

  it('reports other failures as retryable (429, 5xx, no answer) or not (400, 403, 413), keeping the subscription', async () => {
    const user = await createTestUser();
    const statuses = [429, 500, 503, 400, 403, 413];
    const browsers = await Promise.all(statuses.map(() => subscribeBrowser(user.id)));
    statuses.forEach((status, index) => pushService.answer(browsers[index]!.pathname, status, `status ${status}`));
    // Nothing listens on port 1: the connection is refused.
    const { sessionId } = await signedInBrowser(user.id);
    const unreachable = await db.pushSubscription.create({
      data: {
        userId: user.id,
        sessionId,
        endpoint: 'https://127.0.0.1:1/push/x',
        p256dh: createBrowserKeys().p256dh,
        auth: createBrowserKeys().auth,
      },
    });

    const outcomes = await sendPushToUser(user.id, { title: 'Hi', body: 'There', url: '/dashboard' });

    const byId = new Map(outcomes.map((outcome) => [outcome.subscriptionId, outcome]));
    statuses.forEach((status, index) => {
      expect(byId.get(browsers[index]!.row.id)).toMatchObject({
        status: 'failed',
        statusCode: status,
        retryable: status === 429 || status >= 500,
        message: `The push service answered ${status}: status ${status}.`,
      });
    });
    expect(byId.get(unreachable.id)).toMatchObject({ status: 'failed', statusCode: null, retryable: true });
    expect(await db.pushSubscription.count({ where: { userId: user.id } })).toBe(statuses.length + 1);
    expect(await db.pushSubscription.count({ where: { userId: user.id, lastSuccessAt: { not: null } } })).toBe(0);
  });

  it('sends nothing to a browser whose session was signed out, and its row goes when the session row does', async () => {
    const user = await createTestUser();
    const shared = await signedInBrowser(user.id);
    const own = await signedInBrowser(user.id);
    const [sharedComputer, phone] = await Promise.all([
      subscribeBrowser(user.id, shared.sessionId),
      subscribeBrowser(user.id, own.sessionId),
    ]);
    await revokeSession(user.id, shared.sessionId);

    const outcomes = await sendPushToUser(user.id, { title: 'Hi', body: 'There', url: '/dashboard' });

    expect(outcomes.map((outcome) => outcome.subscriptionId)).toEqual([phone.row.id]);
    expect(receivedAt(sharedComputer.pathname)).toEqual([]);
    // A later sign-in purges revoked sessions (createSession), and with them their subscriptions.
    await createSession(user.id, 'jest');
    expect(await db.pushSubscription.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([
      { id: phone.row.id },
    ]);
  });

  it('refuses a payload that would not fit in one push message, before sending anything', async () => {
    const user = await createTestUser();
    const browser = await subscribeBrowser(user.id);
    await expect(sendPushToUser(user.id, { title: 'Hi', body: 'x'.repeat(5_000), url: '/dashboard' })).rejects.toThrow(
      RangeError,
    );
    expect(receivedAt(browser.pathname)).toEqual([]);
  });

  it('answers an empty list for a user without subscriptions', async () => {
    expect(
      await sendPushToUser((await createTestUser()).id, { title: 'Hi', body: 'There', url: '/dashboard' }),
    ).toEqual([]);
  });
});

describe('VAPID keys', () => {
  afterEach(() => {
    delete process.env.VAPID_PUBLIC_KEY;
    delete process.env.VAPID_PRIVATE_KEY;
    process.env.REBOUND_DATA_DIR = dataDir;
    resetVapidKeysForTests();
  });

  it('are generated once into the data dir, readable by its owner only', () => {
    const first = getVapidKeys();
    const file = path.join(dataDir, 'vapid-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    resetVapidKeysForTests();
    expect(getVapidKeys()).toEqual(first);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
  });

  it('come from the environment when both are set, and refuse only one of them', () => {
    process.env.VAPID_PUBLIC_KEY = 'BPublic';
    process.env.VAPID_PRIVATE_KEY = 'private';
    expect(getVapidKeys()).toMatchObject({ publicKey: 'BPublic', privateKey: 'private' });
    resetVapidKeysForTests();
    delete process.env.VAPID_PRIVATE_KEY;
    expect(() => getVapidKeys()).toThrow(/both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY/);
  });
});

// ─── The routes ─────────────────────────────────────────────────────────────────────────────

const browserSubscription = (endpoint = `https://push.example.test/send/${randomUUID()}`) => {
  const keys = createBrowserKeys();
  return { endpoint, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } };
};

function call(method: 'POST' | 'DELETE', body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`${APP}/api/push/subscriptions`, {
    method,
    headers: {
      origin: APP,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 Test',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return method === 'POST' ? postSubscription(request) : deleteSubscription(request);
}

describe('POST /api/push/subscriptions', () => {
  it('stores the browser for the signed-in user, and refreshes its keys when it comes again', async () => {
    const user = signInAs(await createTestUser());
    const subscription = browserSubscription();

    const created = await call('POST', subscription);
    expect(created.status).toBe(201);
    const renewed = { ...subscription, keys: browserSubscription().keys };
    const again = await call('POST', renewed);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe((await created.json()).id);

    const [session] = await db.userSession.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(
      await db.pushSubscription.findMany({
        where: { userId: user.id },
        select: { endpoint: true, p256dh: true, auth: true, userAgent: true, sessionId: true },
      }),
    ).toEqual([
      {
        endpoint: subscription.endpoint,
        p256dh: renewed.keys.p256dh,
        auth: renewed.keys.auth,
        userAgent: 'Mozilla/5.0 Test',
        sessionId: session?.id,
      },
    ]);
  });

  it("never takes over another user's endpoint: 409, and the row stays theirs with their keys", async () => {
    const owner = await createTestUser();
    const subscription = browserSubscription();
    await savePushSubscription(await signedInBrowser(owner.id), subscription);
    signInAs(await createTestUser());

    const response = await call('POST', browserSubscription(subscription.endpoint));

    expect(response.status).toBe(409);
    expect(
      await db.pushSubscription.findUniqueOrThrow({
        where: { endpoint: subscription.endpoint },
        select: { userId: true, p256dh: true, auth: true },
      }),
    ).toEqual({
      userId: owner.id,
      ...subscription.keys,
    });
  });

  it('two accounts racing for one endpoint: one gets it, the other a conflict', async () => {
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const subscription = browserSubscription();
    const [browserA, browserB] = await Promise.all([signedInBrowser(a.id), signedInBrowser(b.id)]);
    const results = await Promise.allSettled([
      savePushSubscription(browserA, subscription),
      savePushSubscription(browserB, subscription),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(ConflictError);
    expect(await db.pushSubscription.count({ where: { endpoint: subscription.endpoint } })).toBe(1);
  });

  it('refuses a request from another site, a signed-out caller and a malformed body', async () => {
    const user = signInAs(await createTestUser());
    expect((await call('POST', browserSubscription(), { origin: 'https://evil.test' })).status).toBe(403);
    expect((await call('POST', browserSubscription(), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('POST', browserSubscription(), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await call('POST', '{not json')).status).toBe(422);
    const invalid = [
      { ...browserSubscription(), endpoint: 'http://push.example.test/plain-http' },
      { ...browserSubscription(), endpoint: 'https://169.254.169.254/latest/meta-data' },
      { ...browserSubscription(), endpoint: 'https://localhost:8443/x' },
      { ...browserSubscription(), endpoint: 'https://[::1]/x' },
      // PostgreSQL refuses NUL in text: refused here, not a 500 there.
      { ...browserSubscription(), endpoint: 'https://push.example.test/a\u0000b' },
      {
        ...browserSubscription(),
        keys: { p256dh: Buffer.alloc(65, 4).subarray(1).toString('base64url'), auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
      },
      { ...browserSubscription(), keys: { p256dh: createBrowserKeys().p256dh, auth: 'c2hvcnQ' } },
    ];
    for (const body of invalid) expect((await call('POST', body)).status).toBe(422);
    signInAs(null);
    expect((await call('POST', browserSubscription())).status).toBe(401);
    expect(await db.pushSubscription.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('DELETE /api/push/subscriptions', () => {
  it("removes the user's own browser, and answers another user's endpoint like a missing one", async () => {
    const [owner, other] = await Promise.all([createTestUser(), createTestUser()]);
    const mine = browserSubscription();
    const theirs = browserSubscription();
    await Promise.all([
      savePushSubscription(await signedInBrowser(owner.id), mine),
      savePushSubscription(await signedInBrowser(other.id), theirs),
    ]);
    signInAs(owner);

    expect((await call('DELETE', { endpoint: theirs.endpoint })).status).toBe(404);
    expect((await call('DELETE', { endpoint: mine.endpoint })).status).toBe(204);
    expect((await call('DELETE', { endpoint: mine.endpoint })).status).toBe(404);
    expect((await call('DELETE', { endpoint: '\u0000' })).status).toBe(422);
    expect(
      await db.pushSubscription.findMany({
        where: { endpoint: { in: [mine.endpoint, theirs.endpoint] } },
        select: { userId: true },
      }),
    ).toEqual([{ userId: other.id }]);
  });
});

describe('GET /api/push/public-key', () => {
  it('gives a signed-in user the key browsers subscribe with, and nobody else', async () => {
    signInAs(await createTestUser());
    expect(await (await getPublicKey()).json()).toEqual({ publicKey: getVapidKeys().publicKey });
    signInAs(null);
    expect((await getPublicKey()).status).toBe(401);
  });
});

describe('a push host that resolves inside the network', () => {
  it('is not called: the send fails with the reason and the local service receives nothing', async () => {
    const user = await createTestUser();
    const keys = createBrowserKeys();
    const pathname = `/push/${randomUUID()}`;
    // Stored directly, as a name that resolved to a public address when it was saved might; it resolves to 127.0.0.1 now.
    const endpoint = `${pushService.origin.replace('127.0.0.1', 'localhost')}${pathname}`;
    await db.pushSubscription.create({
      data: {
        userId: user.id,
        sessionId: (await signedInBrowser(user.id)).sessionId,
        endpoint,
        p256dh: keys.p256dh,
        auth: keys.auth,
      },
    });

    const [outcome] = await sendPushToUser(
      user.id,
      buildInterviewPushPayload({ title: 'T', body: 'B', interviewId: 'int_1' }),
    );

    expect(outcome).toMatchObject({
      status: 'failed',
      retryable: true,
      message: expect.stringMatching(/localhost resolves to an address inside this network/),
    });
    expect(receivedAt(pathname)).toEqual([]);
  });
});

describe('the PUSH channel of reminders', () => {
  function reminderMessage(userId: string, overrides: Partial<ChannelMessage> = {}): ChannelMessage {
    return {
      deliveryId: 'delivery-1',
      notificationId: 'notification-1',
      reminderId: 'reminder-1',
      kind: 'LEAVE_BY',
      user: { id: userId, email: 'ada@example.test', name: 'Ada' },
      title: 'Leave in 15 minutes for Acme',
      body: 'Leave by 09:20 (London time, GMT).',
      url: `${APP}/interviews/int_9`,
      dedupeKey: 'LEAVE_BY:int_9:2027-01-15T10:00:00.000Z',
      unsubscribeUrl: `${APP}/api/unsubscribe/x`,
      content: {
        subject: 'Leave in 15 minutes for Acme',
        body: 'Leave by 09:20 (London time, GMT).\nWhere: 1 High Street, London',
        push: { title: 'Leave in 15 minutes', body: 'Acme at 10:00 · leave by 09:20' },
        links: [
          { label: 'Open the interview', url: `${APP}/interviews/int_9` },
          { label: 'Directions', url: 'https://www.google.com/maps/search/?api=1&query=1%20High%20Street' },
          { label: 'Running late', url: `${APP}/interviews/int_9#running-late` },
        ],
        confirmation: null,
      },
      ...overrides,
    };
  }

  it('sends the reminder’s short text with its Running late and Directions buttons to every browser', async () => {
    const user = await createTestUser();
    const [first, second] = [await subscribeBrowser(user.id), await subscribeBrowser(user.id)];

    await expect(sendReminderPush(reminderMessage(user.id))).resolves.toEqual({
      status: 'sent',
      detail: '2 of 2 browsers',
    });

    for (const browser of [first, second]) {
      const [request] = receivedAt(browser.pathname);
      expect(JSON.parse(decryptPushMessage(request!.body, browser.keys))).toEqual({
        title: 'Leave in 15 minutes',
        body: 'Acme at 10:00 · leave by 09:20',
        url: `${APP}/interviews/int_9`,
        tag: 'LEAVE_BY:int_9:2027-01-15T10:00:00.000Z',
        actions: [
          { action: 'running-late', title: 'Running late', url: `${APP}/interviews/int_9#running-late` },
          {
            action: 'directions',
            title: 'Directions',
            url: 'https://www.google.com/maps/search/?api=1&query=1%20High%20Street',
          },
        ],
      });
      expect(String(request!.headers.topic)).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    }
  });

  it('is skipped, with the reason, when no browser has push on or every subscription expired', async () => {
    const user = await createTestUser();
    await expect(sendReminderPush(reminderMessage(user.id))).resolves.toEqual({
      status: 'skipped',
      reason: 'no browser has push turned on',
    });
    const browser = await subscribeBrowser(user.id);
    pushService.answer(browser.pathname, 410);
    await expect(sendReminderPush(reminderMessage(user.id))).resolves.toEqual({
      status: 'skipped',
      reason: 'every browser’s subscription had expired',
    });
    expect(await db.pushSubscription.count({ where: { userId: user.id } })).toBe(0);
  });

  it('fails retryably when the push service is down, and for good when it refuses the message', async () => {
    const user = await createTestUser();
    const browser = await subscribeBrowser(user.id);
    pushService.answer(browser.pathname, 503);
    await expect(sendReminderPush(reminderMessage(user.id))).rejects.toMatchObject({
      name: 'ChannelError',
      retryable: true,
    });
    pushService.answer(browser.pathname, 400, 'bad payload');
    await expect(sendReminderPush(reminderMessage(user.id))).rejects.toMatchObject({
      name: 'ChannelError',
      retryable: false,
    });
  });
});

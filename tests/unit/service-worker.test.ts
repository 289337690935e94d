/**
 * The service worker's push and click handling (public/sw.js), driven with stand-ins for the
 * worker's events, registration and clients: the same functions its listeners call.
 */
import sw from '@/public/sw.js';

const ORIGIN = 'https://rebound.example';
const payloadOf = (value: unknown) => ({ json: () => value });

type Shown = { title: string; options: Record<string, unknown> };

function pushTo(data: { json(): unknown } | null) {
  const shown: Shown[] = [];
  const waited: Promise<unknown>[] = [];
  const scope = {
    location: { origin: ORIGIN },
    registration: {
      showNotification: async (title: string, options: object) => {
        shown.push({ title, options: options as Record<string, unknown> });
      },
    },
  };
  sw.handlePush({ data, waitUntil: (promise) => waited.push(promise) }, scope);
  return { shown, waited };
}

const reminder = {
  title: 'Acme interview tomorrow at 10:00',
  body: 'Leave by 09:20.',
  url: '/interviews/int_1',
  tag: 'reminder-1',
  actions: [
    { action: 'running-late', title: 'Running late', url: '/interviews/int_1/recover?kind=RUNNING_LATE' },
    {
      action: 'directions',
      title: 'Directions',
      url: 'https://www.google.com/maps/search/?api=1&query=1%20High%20Street',
    },
  ],
};

describe('push', () => {
  it('shows the notification with its buttons, and keeps each button’s page for the click', async () => {
    const { shown, waited } = pushTo(payloadOf(reminder));
    await Promise.all(waited);

    expect(waited).toHaveLength(1);
    expect(shown).toEqual([
      {
        title: 'Acme interview tomorrow at 10:00',
        options: {
          body: 'Leave by 09:20.',
          icon: '/icons/icon-192.png',
          badge: '/icons/badge-96.png',
          tag: 'reminder-1',
          renotify: true,
          actions: [
            { action: 'running-late', title: 'Running late' },
            { action: 'directions', title: 'Directions' },
          ],
          data: {
            url: `${ORIGIN}/interviews/int_1`,
            actionUrls: {
              'running-late': `${ORIGIN}/interviews/int_1/recover?kind=RUNNING_LATE`,
              directions: 'https://www.google.com/maps/search/?api=1&query=1%20High%20Street',
            },
          },
        },
      },
    ]);
  });

  it.each([
    ['no data', null],
    ['text that is not JSON', { json: () => JSON.parse('Reminder!') }],
    ['JSON that is not an object', payloadOf(['title'])],
    ['an object with wrong types', payloadOf({ title: 42, body: null, url: 'javascript:alert(1)', actions: 'many' })],
  ])('still shows a notification for %s (a silent push costs the permission)', async (_label, data) => {
    const { shown, waited } = pushTo(data);
    await Promise.all(waited);
    expect(shown).toEqual([
      {
        title: 'Rebound',
        options: expect.objectContaining({
          body: 'You have a new reminder.',
          actions: [],
          data: { url: `${ORIGIN}/dashboard`, actionUrls: {} },
        }),
      },
    ]);
    expect(shown[0]?.options).not.toHaveProperty('tag');
  });

  it('drops buttons whose page is unsafe or malformed, and keeps at most two', () => {
    const { shown } = pushTo(
      payloadOf({
        ...reminder,
        actions: [
          { action: 'script', title: 'Run', url: 'javascript:alert(1)' },
          { action: 'plain', title: 'Plain http elsewhere', url: 'http://evil.example/' },
          { action: 'data', title: 'Data', url: 'data:text/html,hi' },
          { action: '', title: 'No name', url: '/x' },
          { action: 'untitled', url: '/x' },
          null,
          ...reminder.actions,
          { action: 'third', title: 'Third', url: '/lessons' },
        ],
      }),
    );
    expect((shown[0]?.options.actions as { action: string }[]).map((button) => button.action)).toEqual([
      'running-late',
      'directions',
    ]);
  });
});

function clickOn(notificationData: unknown, action: string | undefined, windows: { url: string }[] = []) {
  const focused: string[] = [];
  const opened: string[] = [];
  const waited: Promise<unknown>[] = [];
  let closed = false;
  const clients = {
    matchAll: async (options: object) => {
      expect(options).toEqual({ type: 'window', includeUncontrolled: true });
      return windows.map((window) => ({ url: window.url, focus: async () => focused.push(window.url) }));
    },
    openWindow: async (url: string) => opened.push(url),
  };
  sw.handleNotificationClick(
    {
      action,
      notification: { data: notificationData, close: () => (closed = true) },
      waitUntil: (promise) => waited.push(promise),
    },
    { location: { origin: ORIGIN }, clients },
  );
  return { focused, opened, waited, isClosed: () => closed };
}

describe('notificationclick', () => {
  const shownData = () => {
    const { shown } = pushTo(payloadOf(reminder));
    return shown[0]?.options.data;
  };

  it('"Running late" opens the interview’s running-late page, and closes the notification', async () => {
    const click = clickOn(shownData(), 'running-late');
    await Promise.all(click.waited);
    expect(click.opened).toEqual([`${ORIGIN}/interviews/int_1/recover?kind=RUNNING_LATE`]);
    expect(click.isClosed()).toBe(true);
  });

  it('"Directions" opens the maps search', async () => {
    const click = clickOn(shownData(), 'directions');
    await Promise.all(click.waited);
    expect(click.opened).toEqual(['https://www.google.com/maps/search/?api=1&query=1%20High%20Street']);
  });

  it('a click on the notification itself (or an unknown button) opens the interview', async () => {
    for (const action of [undefined, '', 'snooze']) {
      const click = clickOn(shownData(), action);
      await Promise.all(click.waited);
      expect(click.opened).toEqual([`${ORIGIN}/interviews/int_1`]);
    }
  });

  it('focuses a window already on that page instead of opening another', async () => {
    const click = clickOn(shownData(), 'running-late', [
      { url: `${ORIGIN}/dashboard` },
      { url: `${ORIGIN}/interviews/int_1/recover?kind=RUNNING_LATE` },
    ]);
    await Promise.all(click.waited);
    expect(click.focused).toEqual([`${ORIGIN}/interviews/int_1/recover?kind=RUNNING_LATE`]);
    expect(click.opened).toEqual([]);
  });

  it('never opens an unsafe URL that reached the notification data, falling back to the dashboard', async () => {
    const click = clickOn(
      { url: 'javascript:alert(1)', actionUrls: { 'running-late': 'data:text/html,x' } },
      'running-late',
    );
    await Promise.all(click.waited);
    expect(click.opened).toEqual([`${ORIGIN}/dashboard`]);
    const noData = clickOn(undefined, undefined);
    await Promise.all(noData.waited);
    expect(noData.opened).toEqual([`${ORIGIN}/dashboard`]);
  });
});

describe('pushsubscriptionchange', () => {
  it('subscribes again with the old options and posts the new subscription to the server', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const waited: Promise<unknown>[] = [];
    const options = { userVisibleOnly: true, applicationServerKey: 'key' };
    const renewed = { toJSON: () => ({ endpoint: 'https://push.example/new', keys: { p256dh: 'p', auth: 'a' } }) };
    const subscribe = jest.fn(async () => renewed);
    sw.handleSubscriptionChange(
      { oldSubscription: { options }, newSubscription: null, waitUntil: (promise) => waited.push(promise) },
      {
        registration: { pushManager: { subscribe } },
        fetch: (async (url: string, init: RequestInit) => {
          requests.push({ url, init });
          return new Response(null, { status: 201 });
        }) as typeof fetch,
      },
    );
    await Promise.all(waited);
    expect(subscribe).toHaveBeenCalledWith(options);
    expect(requests).toEqual([
      {
        url: '/api/push/subscriptions',
        init: expect.objectContaining({
          method: 'POST',
          credentials: 'same-origin',
          body: JSON.stringify(renewed.toJSON()),
        }),
      },
    ]);
  });
});

describe('toSafeUrl', () => {
  it.each([
    ['/interviews/1', `${ORIGIN}/interviews/1`],
    [`${ORIGIN}/lessons`, `${ORIGIN}/lessons`],
    ['https://www.google.com/maps/search/?api=1&query=x', 'https://www.google.com/maps/search/?api=1&query=x'],
    ['//evil.example/x', 'https://evil.example/x'],
    ['http://evil.example/x', null],
    ['javascript:alert(1)', null],
    ['', null],
    [42, null],
  ])('%p → %p', (value, expected) => {
    expect(sw.toSafeUrl(value, ORIGIN)).toBe(expected);
  });
});

// Rebound's service worker: shows the push notifications the server sends
// (lib/server/push/payload.ts says what one holds) and opens the right page when one, or one of
// its buttons, is clicked. A classic script, so every browser that has service workers runs it;
// in Node (the unit tests) it only exports its functions.
'use strict';

const DEFAULT_TITLE = 'Rebound';
const DEFAULT_BODY = 'You have a new reminder.';
const DEFAULT_URL = '/dashboard';
const ICON = '/icons/icon-192.png';
const BADGE = '/icons/badge-96.png';
// Browsers show two buttons at most (Chrome), some none at all.
const MAX_ACTIONS = 2;

/**
 * An absolute URL the worker may open: a path or URL of the app's own origin, or an https page
 * elsewhere (a maps search). Anything else (javascript:, data:, http elsewhere) is null.
 * @param {unknown} value
 * @param {string} origin
 * @returns {string | null}
 */
function toSafeUrl(value, origin) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let url;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin === origin) return url.href;
  return url.protocol === 'https:' ? url.href : null;
}

/**
 * The push message's JSON, or null when there is none or it is not an object.
 * @param {{ json(): unknown } | null | undefined} data
 * @returns {Record<string, unknown> | null}
 */
function readPayload(data) {
  if (!data) return null;
  try {
    const value = data.json();
    return value && typeof value === 'object' && !Array.isArray(value) ? /** @type {Record<string, unknown>} */ (value) : null;
  } catch {
    return null;
  }
}

/**
 * The title and showNotification() options for a payload. Every URL is checked and made
 * absolute here, so a click only ever opens what was checked. A missing or broken payload
 * still shows a notification: a push that shows nothing gets the site's permission revoked.
 * @param {Record<string, unknown> | null} payload
 * @param {string} origin
 */
function buildNotification(payload, origin) {
  const text = (/** @type {unknown} */ value, /** @type {string} */ fallback) => (typeof value === 'string' && value.trim() ? value : fallback);
  const url = toSafeUrl(payload?.url, origin) ?? new URL(DEFAULT_URL, origin).href;
  /** @type {{ action: string; title: string }[]} */
  const actions = [];
  /** @type {Record<string, string>} */
  const actionUrls = {};
  const listed = Array.isArray(payload?.actions) ? payload.actions : [];
  for (const item of listed) {
    if (actions.length >= MAX_ACTIONS) break;
    if (!item || typeof item !== 'object') continue;
    const { action, title, url: target } = /** @type {Record<string, unknown>} */ (item);
    const safe = toSafeUrl(target, origin);
    if (typeof action !== 'string' || !action || typeof title !== 'string' || !title || !safe || action in actionUrls) continue;
    actions.push({ action, title });
    actionUrls[action] = safe;
  }
  const tag = typeof payload?.tag === 'string' && payload.tag ? payload.tag : undefined;
  return {
    title: text(payload?.title, DEFAULT_TITLE),
    options: {
      body: text(payload?.body, DEFAULT_BODY),
      icon: ICON,
      badge: BADGE,
      ...(tag ? { tag, renotify: true } : {}),
      actions,
      data: { url, actionUrls },
    },
  };
}

/**
 * Where a click goes: the button's page, or the notification's own for a click on its body
 * (and for a button this browser does not know).
 * @param {{ url?: unknown; actionUrls?: Record<string, unknown> } | null | undefined} data
 * @param {string | undefined} action
 * @param {string} origin
 */
function resolveClickUrl(data, action, origin) {
  const fromAction = action ? toSafeUrl(data?.actionUrls?.[action], origin) : null;
  return fromAction ?? toSafeUrl(data?.url, origin) ?? new URL(DEFAULT_URL, origin).href;
}

/**
 * Focuses a window of the app already showing that page, else opens it in a new one.
 * @param {{ matchAll(options: object): Promise<ReadonlyArray<{ url: string; focus(): Promise<unknown> }>>; openWindow(url: string): Promise<unknown> }} clients
 * @param {string} url
 */
async function openOrFocus(clients, url) {
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => client.url === url);
  if (open) return open.focus();
  return clients.openWindow(url);
}

/**
 * @param {{ data?: { json(): unknown } | null; waitUntil(promise: Promise<unknown>): void }} event
 * @param {{ location: { origin: string }; registration: { showNotification(title: string, options: object): Promise<unknown> } }} scope
 */
function handlePush(event, scope) {
  const { title, options } = buildNotification(readPayload(event.data), scope.location.origin);
  event.waitUntil(scope.registration.showNotification(title, options));
}

/**
 * @param {{ action?: string; notification: { data?: unknown; close(): void }; waitUntil(promise: Promise<unknown>): void }} event
 * @param {{ location: { origin: string }; clients: Parameters<typeof openOrFocus>[0] }} scope
 */
function handleNotificationClick(event, scope) {
  event.notification.close();
  const url = resolveClickUrl(/** @type {Parameters<typeof resolveClickUrl>[0]} */ (event.notification.data), event.action, scope.location.origin);
  event.waitUntil(openOrFocus(scope.clients, url));
}

/**
 * The browser replaced the subscription (keys rotated, or it expired): subscribe again with the
 * same options and tell the server, with this browser's cookies, so reminders keep arriving.
 * @param {{ oldSubscription?: { options?: object } | null; newSubscription?: { toJSON(): unknown } | null; waitUntil(promise: Promise<unknown>): void }} event
 * @param {{ registration: { pushManager: { subscribe(options: object): Promise<{ toJSON(): unknown }> } }; fetch: typeof fetch }} scope
 */
function handleSubscriptionChange(event, scope) {
  const options = event.oldSubscription?.options;
  const renewed = event.newSubscription ? Promise.resolve(event.newSubscription) : options ? scope.registration.pushManager.subscribe(options) : null;
  if (!renewed) return;
  event.waitUntil(
    renewed.then((subscription) =>
      scope.fetch('/api/push/subscriptions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(subscription.toJSON()),
      }),
    ),
  );
}

if (typeof module === 'object' && module.exports) {
  module.exports = { buildNotification, handleNotificationClick, handlePush, handleSubscriptionChange, openOrFocus, readPayload, resolveClickUrl, toSafeUrl };
} else {
  const scope = self;
  scope.addEventListener('install', () => scope.skipWaiting());
  scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
  scope.addEventListener('push', (event) => handlePush(event, scope));
  scope.addEventListener('notificationclick', (event) => handleNotificationClick(event, scope));
  scope.addEventListener('pushsubscriptionchange', (event) => handleSubscriptionChange(event, scope));
}

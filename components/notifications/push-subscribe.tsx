'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export type PushState = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on';

const SUBSCRIPTIONS = '/api/push/subscriptions';
// Chromium's subscribe() waits for its push service (FCM) for as long as it stays unreachable;
// the control gives up before the user does. A subscription that comes through later is saved
// the next time the control is shown (readState).
const SUBSCRIBE_TIMEOUT_MS = 20_000;

const DESCRIPTIONS: Record<PushState, string> = {
  checking: 'Checking whether this browser gets notifications…',
  unsupported:
    'This browser cannot show notifications from Rebound. On an iPhone or iPad, add Rebound to your Home Screen first, then open it from there.',
  blocked:
    "Notifications are blocked for Rebound in this browser. Allow them in the site's settings (the icon left of the address), then come back here.",
  off: 'Notifications are off in this browser.',
  on: 'Notifications are on in this browser.',
};

class PushSetupError extends Error {}

function isSupported(): boolean {
  return (
    typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
  );
}

function decodeKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function isSameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const bytes = new Uint8Array(a);
  return bytes.every((byte, index) => byte === b[index]);
}

async function send(method: 'POST' | 'DELETE', body: unknown): Promise<Response> {
  return fetch(SUBSCRIPTIONS, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
}

async function fetchPublicKey(): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch('/api/push/public-key', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new PushSetupError('Rebound could not start notifications right now. Try again in a moment.');
  const { publicKey } = (await response.json()) as { publicKey: string };
  return decodeKey(publicKey);
}

/** This browser's subscription for the app's current key; one made with another key (or for another account) is replaced. */
async function subscribe(
  registration: ServiceWorkerRegistration,
  key: Uint8Array<ArrayBuffer>,
  replace: boolean,
): Promise<PushSubscription> {
  const existing = await registration.pushManager.getSubscription();
  if (existing && !replace && isSameKey(existing.options.applicationServerKey, key)) return existing;
  if (existing) await existing.unsubscribe();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), SUBSCRIBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
      timeout,
    ]);
  } catch {
    throw new PushSetupError(
      'This browser could not subscribe to notifications. Private windows cannot get them; in a normal window, check the connection and try again.',
    );
  } finally {
    clearTimeout(timer);
  }
}

async function turnOn(): Promise<PushState> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return 'blocked';
  if (permission !== 'granted') return 'off';
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  const registration = await navigator.serviceWorker.ready;
  const key = await fetchPublicKey();
  let subscription = await subscribe(registration, key, false);
  let response = await send('POST', subscription.toJSON());
  // Subscribed for another Rebound account signed in earlier: a new subscription, never theirs.
  if (response.status === 409) {
    subscription = await subscribe(registration, key, true);
    response = await send('POST', subscription.toJSON());
  }
  if (!response.ok) {
    await subscription.unsubscribe().catch(() => undefined);
    throw new PushSetupError('Rebound could not save this browser for notifications. Try again in a moment.');
  }
  return 'on';
}

async function turnOff(): Promise<PushState> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    const response = await send('DELETE', { endpoint: subscription.endpoint });
    // 404: the server had already forgotten it (expired, or another account's).
    if (!response.ok && response.status !== 404)
      throw new PushSetupError('Rebound could not turn notifications off. Try again in a moment.');
    await subscription.unsubscribe();
  }
  return 'off';
}

async function readState(): Promise<PushState> {
  if (!isSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription || Notification.permission !== 'granted') return 'off';
  // Saved again (it is an upsert): a browser subscribed for another account signed in earlier is off for this one.
  const response = await send('POST', subscription.toJSON());
  return response.status === 409 ? 'off' : 'on';
}

/** Turns web push on and off for this browser: asks permission only when the user clicks. */
export function PushSubscribe() {
  const [state, setState] = useState<PushState>('checking');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    readState()
      .catch((): PushState => 'off')
      .then((found) => active && setState(found));
    return () => {
      active = false;
    };
  }, []);

  async function change(to: () => Promise<PushState>) {
    setError(null);
    setPending(true);
    try {
      setState(await to());
    } catch (caught) {
      setError(
        caught instanceof PushSetupError
          ? caught.message
          : 'Something went wrong with notifications in this browser. Reload the page and try again.',
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3" data-push-state={state}>
      <p className="text-sm text-slate-700" role="status">
        {DESCRIPTIONS[state]}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state === 'off' ? (
        <Button type="button" pending={pending} onClick={() => change(turnOn)}>
          Turn on notifications
        </Button>
      ) : null}
      {state === 'on' ? (
        <Button type="button" variant="secondary" pending={pending} onClick={() => change(turnOff)}>
          Turn off notifications
        </Button>
      ) : null}
    </div>
  );
}

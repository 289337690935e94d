import 'server-only';
import dns, { type LookupAddress } from 'node:dns';
import https from 'node:https';
import webpush, { WebPushError } from 'web-push';
import { getDb } from '@/lib/db';
import { serializePushPayload, type PushPayload } from './payload';
import { isInternalAddress } from './push-endpoint';
import { getVapidKeys } from './vapid-keys';

type Sent = { subscriptionId: string; endpoint: string };

/**
 * What became of one subscription: sent; gone (the push service answered 404 or 410, so the
 * browser unsubscribed or the subscription expired: its row was deleted); or failed, with
 * whether trying again later can help (429, 5xx, no answer) or not (anything else, e.g. 400,
 * 403 for keys that do not match, 413 for a payload too large).
 */
export type PushOutcome =
  | (Sent & { status: 'sent'; statusCode: number })
  | (Sent & { status: 'gone'; statusCode: number })
  | (Sent & { status: 'failed'; retryable: boolean; statusCode: number | null; message: string });

export type PushOptions = {
  /** How long the push service keeps the message for a browser that is offline. */
  ttlSeconds?: number;
  urgency?: 'very-low' | 'low' | 'normal' | 'high';
  /** A newer message with the same topic replaces one still waiting at the push service (≤ 32 base64url characters). */
  topic?: string;
  /** Milliseconds to wait for each push service's answer. */
  timeoutMs?: number;
};

const DEFAULT_TTL_SECONDS = 60 * 60;
const DEFAULT_TIMEOUT_MS = 10_000;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * dns.lookup that refuses a push host resolving inside the server's own network. A stored
 * endpoint names a public host (isAcceptablePushEndpoint), but a name can resolve anywhere, now
 * or later: this is where the server would otherwise POST to its own metadata service or localhost.
 */
function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || addresses.some((entry) => isInternalAddress(entry.address))) {
      return callback(
        Object.assign(new Error(`refused: ${hostname} resolves to an address inside this network`), {
          code: 'EPUSHINTERNAL',
        }),
        [],
      );
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first?.address ?? '', first?.family);
  });
}

function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 429 || statusCode >= 500;
}

/**
 * Sends the payload to every browser the user subscribed and is still signed in on (a
 * subscription of a session that was signed out gets nothing), encrypted to each one's keys
 * (aes128gcm, RFC 8291) and signed with the app's VAPID key. The browsers are tried together;
 * the answer has one outcome per subscription, in no particular order. A user with no
 * subscriptions gets an empty list.
 */
export async function sendPushToUser(
  userId: string,
  payload: PushPayload,
  options: PushOptions = {},
): Promise<PushOutcome[]> {
  const db = getDb();
  const body = serializePushPayload(payload);
  const subscriptions = await db.pushSubscription.findMany({
    where: { userId, session: { revokedAt: null } },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
  if (subscriptions.length === 0) return [];
  const vapidDetails = getVapidKeys();
  const request = {
    vapidDetails,
    TTL: options.ttlSeconds ?? DEFAULT_TTL_SECONDS,
    urgency: options.urgency ?? 'high',
    contentEncoding: 'aes128gcm' as const,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.topic ? { topic: options.topic } : {}),
    // The process's TLS settings, with the lookup above.
    agent: new https.Agent({ ...https.globalAgent.options, lookup: publicOnlyLookup as typeof dns.lookup }),
  };

  const outcomes = await Promise.all(
    subscriptions.map(async ({ id, endpoint, p256dh, auth }): Promise<PushOutcome> => {
      const sent = { subscriptionId: id, endpoint };
      try {
        const result = await webpush.sendNotification({ endpoint, keys: { p256dh, auth } }, body, request);
        return { ...sent, status: 'sent', statusCode: result.statusCode };
      } catch (error) {
        if (error instanceof WebPushError) {
          if (error.statusCode === 404 || error.statusCode === 410) {
            await db.pushSubscription.deleteMany({ where: { id, userId } });
            return { ...sent, status: 'gone', statusCode: error.statusCode };
          }
          return {
            ...sent,
            status: 'failed',
            retryable: isRetryableStatus(error.statusCode),
            statusCode: error.statusCode,
            message: describeRefusal(error),
          };
        }
        // No answer at all: refused connection, DNS, timeout, TLS.
        return {
          ...sent,
          status: 'failed',
          retryable: true,
          statusCode: null,
          message: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );

  const delivered = outcomes.filter((outcome) => outcome.status === 'sent').map((outcome) => outcome.subscriptionId);
  if (delivered.length)
    await db.pushSubscription.updateMany({
      where: { userId, id: { in: delivered } },
      data: { lastSuccessAt: new Date() },
    });
  return outcomes;
}

function describeRefusal(error: WebPushError): string {
  const said = error.body?.trim().slice(0, 300);
  return `The push service answered ${error.statusCode}${said ? `: ${said}` : ''}.`;
}

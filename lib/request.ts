import 'server-only';
import { getEnv } from './env';
import { headers } from 'next/headers';

// Set by the launcher's HTTP server (scripts/lib/app-server.mjs) from the socket, or from
// X-Forwarded-For only as far as REBOUND_TRUSTED_PROXIES says; any copy the client sent is
// replaced there. Forwarded headers are never read here: the client writes those.
const CLIENT_IP_HEADER = 'x-rebound-client-ip';

type HeaderSource = Headers | Record<string, unknown> | undefined;

/** The client's address from a request's headers (a Headers or next-auth's plain object). */
export function readClientIp(source: HeaderSource): string {
  const value =
    typeof source?.get === 'function'
      ? (source as Headers).get(CLIENT_IP_HEADER)
      : (source as Record<string, unknown> | undefined)?.[CLIENT_IP_HEADER];
  return typeof value === 'string' && value.trim() ? value.trim() : 'unknown';
}

/** The current request's client address, as the launcher determined it. */
export async function getClientIp(): Promise<string> {
  return readClientIp(await headers());
}

/** The app's public origin, for links in emails. */
export function getAppUrl(): string {
  return getEnv().appUrl;
}

/** The client's User-Agent header, or null outside a request (or when it sends none). */
export async function getUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get('user-agent');
  } catch {
    return null;
  }
}

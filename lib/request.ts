import 'server-only';
import { headers } from 'next/headers';

/**
 * The client's address: the last X-Forwarded-For entry, which the nearest proxy (or Next.js
 * itself, when there is none) writes. Earlier entries are whatever the client claimed.
 */
export async function getClientIp(): Promise<string> {
  const list = await headers();
  const forwarded = list.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || list.get('x-real-ip') || 'unknown';
}

/** The app's public origin, for links in emails. */
export function getAppUrl(): string {
  return process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The client's User-Agent header, or null outside a request (or when it sends none). */
export async function getUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get('user-agent');
  } catch {
    return null;
  }
}

import 'server-only';
import { headers } from 'next/headers';

/** The client's address as the nearest proxy reports it; 'unknown' when there is none. */
export async function getClientIp(): Promise<string> {
  const list = await headers();
  const forwarded = list.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || list.get('x-real-ip') || 'unknown';
}

/** The app's public origin, for links in emails. */
export function getAppUrl(): string {
  return process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

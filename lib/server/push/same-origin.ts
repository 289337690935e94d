import 'server-only';
import { getEnv } from '@/lib/env';

/**
 * Whether a state-changing request comes from the app's own pages. Route handlers do not get
 * the origin check Next.js gives server actions, so these do it: the browser's Origin must be
 * the app's (NEXTAUTH_URL) or the one the request was addressed to, and Sec-Fetch-Site, when
 * the browser sends it, must say same-origin. A request without Origin is refused: every
 * browser sends one with a POST or DELETE from a script.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const allowed = new Set([new URL(request.url).origin]);
  const configured = getEnv().configuredOrigin;
  if (configured) allowed.add(configured);
  return allowed.has(origin);
}

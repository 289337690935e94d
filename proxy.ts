// Next.js requires this file at the project root (next to app/): it is the one file the
// framework does not let live elsewhere. It runs before every request and:
//   1. sets the security headers, including a Content-Security-Policy with a fresh nonce
//      that Next.js puts on its own inline scripts;
//   2. sends signed-out visitors of signed-in areas to sign-in, and back afterwards.
// Pages, actions and route handlers still check the user themselves: this redirect is a
// convenience, never the access control.
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/domain/session-lifetime';
import { buildContentSecurityPolicy, securityHeaders } from '@/lib/security-headers';

const signedInAreas = ['/dashboard', '/interviews', '/incidents', '/lessons', '/account'];

function isSignedInArea(pathname: string): boolean {
  return signedInAreas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  // Only whether a session cookie is there: the page decodes and checks it (requireUser), so a
  // request decodes it once, and a cookie that does not check out still ends at sign-in.
  if (isSignedInArea(pathname)) {
    if (!request.cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name))) {
      const signIn = new URL('/sign-in', request.url);
      signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
      return applySecurityHeaders(NextResponse.redirect(signIn), buildContentSecurityPolicy(null));
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = buildContentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set('x-rebound-path', `${pathname}${search}`);
  return applySecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

function applySecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets carry no user data and get their headers from next.config.js; so does the
  // service worker, whose CSP is its own (no nonce: a worker's scripts cannot carry one).
  matcher: [{ source: '/((?!_next/static|_next/image|icon.svg|favicon.ico|sw.js|icons/).*)' }],
};

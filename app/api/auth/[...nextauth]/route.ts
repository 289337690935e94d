import { NextResponse } from 'next/server';
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth';

// next-auth's own endpoints (sign-in callback, CSRF token, session, sign-out); they carry
// next-auth's CSRF protection.
const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's own test for a callback URL: http(s), absolute or a path on this site. */
function isHttpCallback(value: string, requestUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? requestUrl : undefined).protocol);
  } catch {
    return false;
  }
}

// next-auth answers a `callbackUrl` query it cannot read as a web address with a 500 (its
// config check raises InvalidCallbackUrl) on every endpoint but sign-in; it is the caller's
// mistake, so it is refused here as one.
async function guarded(request: Request, context: Context) {
  const callbackUrl = new URL(request.url).searchParams.get('callbackUrl');
  if (callbackUrl && !isHttpCallback(callbackUrl, request.url)) {
    return NextResponse.json({ error: 'The callback URL is not a web address.' }, { status: 400 });
  }
  return handler(request, context);
}

export { guarded as GET, guarded as POST };

import { NextResponse } from 'next/server';
import { getAppUrl } from '@/lib/request';
import { streamCalendarFeed } from '@/lib/server/interviews/stream-calendar-feed';

export const dynamic = 'force-dynamic';

// Calendar apps cannot sign in: the unguessable token in the URL is the credential, and it
// names exactly one user. An unknown or revoked token answers 404 like any missing page.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const body = await streamCalendarFeed(token.replace(/\.ics$/, ''), getAppUrl(), { signal: request.signal });
  if (body === null) return NextResponse.json({ error: 'Not found' }, { status: 404 });
  return new NextResponse(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' },
  });
}

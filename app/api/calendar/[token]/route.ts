import { NextResponse } from 'next/server';
import { getAppUrl } from '@/lib/request';
import { writeCalendarFeed } from '@/lib/server/interview-exports';

export const dynamic = 'force-dynamic';

// Calendar apps cannot sign in: the unguessable token in the URL is the credential, and it
// names exactly one user. An unknown or revoked token answers 404 like any missing page.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const feed = await writeCalendarFeed(token.replace(/\.ics$/, ''), getAppUrl());
  if (feed === null) return NextResponse.json({ error: 'Not found' }, { status: 404 });
  return new NextResponse(streamPieces(feed), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' },
  });
}

// A piece is written only when the client is ready for it: a feed of thousands of events is
// never in memory whole, and a client that leaves stops the writing.
function streamPieces(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      cancel() {
        iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

import { NextResponse } from 'next/server';
import { streamApplicationsCsv } from '@/lib/server/applications/stream-applications-csv';
import { getCurrentUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

/** The file streams batch by batch, so no Content-Length: its size is known only at the end. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to export your applications.' }, { status: 401 });
  const csv = await streamApplicationsCsv(user.id, user.timeZone, { signal: request.signal });
  return new NextResponse(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rebound-applications-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

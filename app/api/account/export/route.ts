import { NextResponse } from 'next/server';
import { streamAccountExport } from '@/lib/server/accounts/stream-account-export';
import { getCurrentUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

/** The file streams table by table, so no Content-Length: its size is known only at the end. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to export your data.' }, { status: 401 });
  const exportedAt = new Date();
  const json = await streamAccountExport(user.id, { exportedAt, signal: request.signal });
  return new NextResponse(json, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="rebound-export-${exportedAt.toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}

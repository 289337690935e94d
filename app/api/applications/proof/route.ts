import { NextResponse } from 'next/server';
import { utcToZonedLocal } from '@/lib/domain/time';
import { streamProofOfSearchCsv } from '@/lib/server/applications/stream-proof-of-search-csv';
import { getCurrentUser } from '@/lib/session';
import { parseProofRange } from '@/lib/validation/proof';

export const dynamic = 'force-dynamic';

/** The proof of job search for `from`..`to` as CSV: the rows /applications/proof shows for that range. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to download your proof of job search.' }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const today = utcToZonedLocal(new Date(), user.timeZone).slice(0, 10);
  const parsed = parseProofRange({ from: params.get('from'), to: params.get('to') }, today);
  if (!parsed.ok) return NextResponse.json({ error: parsed.message }, { status: 400 });
  const { from, to } = parsed.range;
  const csv = await streamProofOfSearchCsv(user.id, user.timeZone, parsed.range, { signal: request.signal });
  return new NextResponse(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rebound-proof-of-search-${from}-to-${to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

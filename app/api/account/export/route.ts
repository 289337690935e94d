import { NextResponse } from 'next/server';
import { exportAccountData } from '@/lib/server/account-export';
import { getCurrentUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to export your data.' }, { status: 401 });
  const data = await exportAccountData(user.id);
  const date = new Date().toISOString().slice(0, 10);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="rebound-export-${date}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}

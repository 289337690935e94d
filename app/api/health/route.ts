import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/server/health/check-health';

// Public on purpose: load balancers and uptime checks call it without a session, and it
// reveals nothing about any user.
export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}

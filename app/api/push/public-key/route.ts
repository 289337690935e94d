import { NextResponse } from 'next/server';
import { getVapidKeys } from '@/lib/server/push/vapid-keys';
import { getCurrentUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

/** The app's VAPID public key, which a browser needs to subscribe (applicationServerKey). */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to turn on notifications.' }, { status: 401 });
  return NextResponse.json({ publicKey: getVapidKeys().publicKey }, { headers: { 'Cache-Control': 'no-store' } });
}

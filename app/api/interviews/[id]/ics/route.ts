import { NextResponse } from 'next/server';
import { NotFoundError } from '@/lib/errors';
import { getAppUrl } from '@/lib/request';
import { buildInterviewIcs } from '@/lib/server/interviews/build-interview-ics';
import { getCurrentUser } from '@/lib/session';
import { idSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to download calendar files.' }, { status: 401 });
  const { id } = await params;
  // A malformed id (a NUL in it, say, which PostgreSQL refuses outright) names no interview.
  if (!idSchema('interview').safeParse(id).success)
    return NextResponse.json({ error: 'That interview does not exist.' }, { status: 404 });
  try {
    const { filename, body } = await buildInterviewIcs(user.id, id, getAppUrl());
    return new NextResponse(body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return NextResponse.json({ error: error.message }, { status: 404 });
    throw error;
  }
}

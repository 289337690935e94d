import { NextResponse } from 'next/server';
import { MAX_INVITATION_BYTES } from '@/lib/domain/invitation';
import { createCalendarImport } from '@/lib/server/imports/create-calendar-import';
import { readUpload } from '@/lib/server/imports/read-upload';
import { getCurrentUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const INVITATION_UPLOAD = {
  maxBytes: MAX_INVITATION_BYTES,
  types: ['text/calendar', 'application/ics'],
  extensions: ['.ics', '.ical'],
  label: 'a calendar invitation (.ics)',
};

/**
 * One invitation file (the page sends each of several files on its own): checked and read, then
 * kept for the user to confirm on /imports/calendar/<id>. A file that cannot be imported is
 * answered with its reason and nothing is written.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to import an invitation.' }, { status: 401 });
  const upload = await readUpload(request, INVITATION_UPLOAD);
  if (!upload.ok) return NextResponse.json({ error: upload.refusal.message }, { status: upload.refusal.status });
  const created = await createCalendarImport(user.id, upload.upload);
  if (!created.ok) return NextResponse.json({ error: created.message }, { status: 422 });
  return NextResponse.json(
    { id: created.id, url: `/imports/calendar/${created.id}`, events: created.events },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}

import { NextResponse } from 'next/server';
import { createCsvImport, CSV_UPLOAD_RULES } from '@/lib/server/imports/create-csv-import';
import { readUpload } from '@/lib/server/imports/read-upload';
import { getCurrentUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

/**
 * Uploads a CSV for the mapping step (docs/ARCHITECTURE.md, "Uploads and bulk writes"): the
 * user (401), then origin, type and size while reading (403, 415, 413), then the file itself
 * (422 with what is wrong with it). Nothing is written unless the file reads; then the import
 * waits, unwritten, at the answer's url.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to import a file.' }, { status: 401 });
  const upload = await readUpload(request, CSV_UPLOAD_RULES);
  if (!upload.ok) return NextResponse.json({ error: upload.refusal.message }, { status: upload.refusal.status });
  const created = await createCsvImport(user, upload.upload);
  if (!created.ok) return NextResponse.json({ error: created.message }, { status: 422 });
  return NextResponse.json({ id: created.id, url: `/imports/csv/${created.id}` }, { status: 201 });
}

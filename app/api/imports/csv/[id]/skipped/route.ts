import { NextResponse } from 'next/server';
import { NotFoundError } from '@/lib/errors';
import { writeSkippedRowsCsv } from '@/lib/server/imports/write-skipped-rows-csv';
import { getCurrentUser } from '@/lib/session';
import { isId } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/** The rows an import skipped, as they were in the file, with a Reason column: to fix and import again. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to download the skipped rows.' }, { status: 401 });
  const notFound = () => NextResponse.json({ error: 'That import does not exist.' }, { status: 404 });
  if (!isId(id)) return notFound();
  try {
    const { fileName, csv } = await writeSkippedRowsCsv(user.id, user.timeZone, id);
    return new NextResponse(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}

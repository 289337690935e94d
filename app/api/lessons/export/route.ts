import { NextResponse } from 'next/server';
import { exportLessons } from '@/lib/server/lessons/export-lessons';
import { getCurrentUser } from '@/lib/session';
import { EXPORT_FORMATS, parseLessonFilters, type ExportFormat } from '@/lib/validation/lessons';

export const dynamic = 'force-dynamic';

/** GET /api/lessons/export?format=md|csv[&cause=…&from=YYYY-MM-DD&to=YYYY-MM-DD]: the user's lessons as a file. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to export your lessons.' }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const format = params.get('format') ?? 'md';
  if (!isExportFormat(format)) {
    return NextResponse.json({ error: 'Choose format=md (Markdown) or format=csv (spreadsheet).' }, { status: 400 });
  }
  const file = await exportLessons(user.id, {
    format,
    filters: parseLessonFilters(params),
    timeZone: user.timeZone,
    signal: request.signal,
  });
  return new NextResponse(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

import 'server-only';
import { getDb } from '@/lib/db';
import { renderLessonsCsv, renderLessonsMarkdown } from '@/lib/domain/lesson-export';
import { isValidTimeZone } from '@/lib/domain/time';
import type { ExportFormat, LessonFilters } from '@/lib/validation/lessons';
import { buildLessonWhere, lessonSelect } from './lesson-select';

export type LessonExportFile = { body: string; contentType: string; filename: string };

/** Every lesson of the user's matching the filters, as one Markdown or CSV file. */
export async function exportLessons(
  userId: string,
  options: { format: ExportFormat; filters: Pick<LessonFilters, 'cause' | 'from' | 'to'>; timeZone: string; now?: Date },
): Promise<LessonExportFile> {
  const now = options.now ?? new Date();
  const timeZone = isValidTimeZone(options.timeZone) ? options.timeZone : 'UTC';
  const lessons = await getDb().lesson.findMany({
    where: buildLessonWhere(userId, options.filters, timeZone),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: lessonSelect,
  });
  const date = now.toISOString().slice(0, 10);
  if (options.format === 'csv') {
    return { body: renderLessonsCsv(lessons, timeZone), contentType: 'text/csv; charset=utf-8', filename: `rebound-lessons-${date}.csv` };
  }
  return {
    body: renderLessonsMarkdown(lessons, timeZone, now),
    contentType: 'text/markdown; charset=utf-8',
    filename: `rebound-lessons-${date}.md`,
  };
}

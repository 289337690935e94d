import 'server-only';
import type { Tx } from '@/lib/db';
import { createCsvWriter } from '@/lib/domain/csv';
import {
  CSV_HEADERS,
  LESSONS_CSV_OPTIONS,
  renderLessonsMarkdownEntries,
  renderLessonsMarkdownHeading,
  toLessonCsvCells,
  type ExportLesson,
} from '@/lib/domain/lesson-export';
import { isValidTimeZone } from '@/lib/domain/time';
import type { Prisma } from '@/lib/generated/prisma/client';
import { openSnapshotStream } from '@/lib/server/snapshots/open-snapshot-stream';
import type { ExportFormat, LessonFilters } from '@/lib/validation/lessons';
import { buildLessonWhere, lessonSelect } from './lesson-select';

export type LessonExportFile = { body: ReadableStream<Uint8Array>; contentType: string; filename: string };

/** Lessons per read; each comes with its actions, so a batch is a few hundred rows. */
export const LESSON_EXPORT_BATCH_SIZE = 200;

/** The matching lessons in creation order, by keyset on (createdAt, id): each exactly once. */
async function* readLessonBatches(
  tx: Tx,
  where: Prisma.LessonWhereInput,
  batchSize: number,
): AsyncGenerator<ExportLesson[]> {
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const lessons = await tx.lesson.findMany({
      // The plain bound lets the (userId, createdAt) index start at the cursor; the OR drops that
      // instant's lessons already written.
      where: after
        ? {
            AND: [
              where,
              { createdAt: { gte: after.createdAt } },
              { OR: [{ createdAt: { gt: after.createdAt } }, { id: { gt: after.id } }] },
            ],
          }
        : where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: batchSize,
      select: lessonSelect,
    });
    const last = lessons.at(-1);
    if (!last) return;
    yield lessons;
    if (lessons.length < batchSize) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

async function* writeLessonsCsv(
  tx: Tx,
  where: Prisma.LessonWhereInput,
  timeZone: string,
  batchSize: number,
): AsyncGenerator<string> {
  const csv = createCsvWriter(CSV_HEADERS, LESSONS_CSV_OPTIONS);
  yield csv.header;
  for await (const lessons of readLessonBatches(tx, where, batchSize))
    yield lessons.map((lesson) => csv.row(toLessonCsvCells(lesson, timeZone))).join('');
}

async function* writeLessonsMarkdown(
  tx: Tx,
  where: Prisma.LessonWhereInput,
  timeZone: string,
  now: Date,
  batchSize: number,
): AsyncGenerator<string> {
  // The heading says how many follow; counted in the same snapshot, so it matches the entries.
  yield renderLessonsMarkdownHeading(await tx.lesson.count({ where }), timeZone, now);
  for await (const lessons of readLessonBatches(tx, where, batchSize))
    yield renderLessonsMarkdownEntries(lessons, timeZone);
}

/** Every lesson of the user's matching the filters, as a Markdown or CSV file streamed from one snapshot. */
export async function exportLessons(
  userId: string,
  options: {
    format: ExportFormat;
    filters: Pick<LessonFilters, 'cause' | 'side' | 'from' | 'to'>;
    timeZone: string;
    now?: Date;
    batchSize?: number;
    signal?: AbortSignal;
  },
): Promise<LessonExportFile> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? LESSON_EXPORT_BATCH_SIZE;
  const timeZone = isValidTimeZone(options.timeZone) ? options.timeZone : 'UTC';
  const where = buildLessonWhere(userId, options.filters, timeZone);
  const date = now.toISOString().slice(0, 10);
  if (options.format === 'csv') {
    return {
      body: await openSnapshotStream((tx) => writeLessonsCsv(tx, where, timeZone, batchSize), {
        signal: options.signal,
      }),
      contentType: 'text/csv; charset=utf-8',
      filename: `rebound-lessons-${date}.csv`,
    };
  }
  return {
    body: await openSnapshotStream((tx) => writeLessonsMarkdown(tx, where, timeZone, now, batchSize), {
      signal: options.signal,
    }),
    contentType: 'text/markdown; charset=utf-8',
    filename: `rebound-lessons-${date}.md`,
  };
}

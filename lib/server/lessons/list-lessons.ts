import 'server-only';
import { getDb } from '@/lib/db';
import type { LessonFilters } from '@/lib/validation/lessons';
import { buildLessonWhere, lessonSelect, type LessonDetail } from './lesson-select';

export const LESSON_PAGE_SIZE = 20;

type Cursor = { createdAt: Date; id: string };

function encodeLessonCursor(lesson: { createdAt: Date; id: string }): string {
  return Buffer.from(`${lesson.createdAt.toISOString()}|${lesson.id}`).toString('base64url');
}

/** A cursor from the URL; anything malformed means "first page", never an error. */
function decodeLessonCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [iso, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const createdAt = iso ? new Date(iso) : null;
  if (!createdAt || Number.isNaN(createdAt.getTime()) || !id || id.length > 40) return null;
  return { createdAt, id };
}

export type LessonPage = { items: LessonDetail[]; nextCursor: string | null };

/** One page of the user's lessons, newest first, by keyset on (createdAt, id). */
export async function listLessons(userId: string, filters: LessonFilters, timeZone: string): Promise<LessonPage> {
  const where = buildLessonWhere(userId, filters, timeZone);
  const cursor = decodeLessonCursor(filters.cursor);
  const page = await getDb().lesson.findMany({
    where: cursor
      ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] }
      : where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LESSON_PAGE_SIZE + 1,
    select: lessonSelect,
  });
  const hasMore = page.length > LESSON_PAGE_SIZE;
  const items = hasMore ? page.slice(0, LESSON_PAGE_SIZE) : page;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeLessonCursor(last) : null };
}

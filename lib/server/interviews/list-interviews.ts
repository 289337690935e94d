import 'server-only';
import { getDb } from '@/lib/db';
import { decodeKeysetCursor, encodeKeysetCursor } from '@/lib/domain/keyset-cursor';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { InterviewListQuery } from '@/lib/validation/interview';
import { interviewListSelect } from './interview-select';

export const PAGE_SIZE = 25;

export type InterviewListItem = Prisma.InterviewGetPayload<{ select: typeof interviewListSelect }>;

/**
 * One page of a list, by keyset: (scheduledStart, id) is unique, so the order is total and
 * stable even when interviews share a start time. The plain bound on scheduledStart lets
 * the (userId, scheduledStart, id) index start at the cursor, so a deep page costs about
 * what the first does; the OR then drops the rows of that same instant already shown.
 */
export async function listInterviews(userId: string, query: InterviewListQuery, now = new Date()) {
  const ascending = query.view === 'upcoming';
  const where: Prisma.InterviewWhereInput = { userId };
  if (query.view === 'upcoming') where.scheduledStart = { gte: now };
  if (query.view === 'past') where.scheduledStart = { lt: now };
  if (query.view === 'status' && query.status) where.status = query.status;
  if (query.q) {
    // Prisma passes `contains` to LIKE as it is; escaped, % and _ match only themselves.
    const term = query.q.replace(/[\\%_]/g, (char) => `\\${char}`);
    where.OR = [
      { company: { contains: term, mode: 'insensitive' } },
      { roleTitle: { contains: term, mode: 'insensitive' } },
    ];
  }
  const cursor = decodeKeysetCursor(query.cursor);
  const direction = ascending ? 'gt' : 'lt';
  const page = await getDb().interview.findMany({
    where: cursor
      ? {
          AND: [
            where,
            { scheduledStart: { [ascending ? 'gte' : 'lte']: cursor.at } },
            {
              OR: [
                { scheduledStart: { [direction]: cursor.at } },
                { scheduledStart: cursor.at, id: { [direction]: cursor.id } },
              ],
            },
          ],
        }
      : where,
    orderBy: [{ scheduledStart: ascending ? 'asc' : 'desc' }, { id: ascending ? 'asc' : 'desc' }],
    take: PAGE_SIZE + 1,
    select: interviewListSelect,
  });
  const hasMore = page.length > PAGE_SIZE;
  const items = hasMore ? page.slice(0, PAGE_SIZE) : page;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeKeysetCursor({ at: last.scheduledStart, id: last.id }) : null };
}

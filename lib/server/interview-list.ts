import 'server-only';
import { getDb } from '@/lib/db';
import { decodeKeysetCursor, encodeKeysetCursor } from '@/lib/domain/keyset-cursor';
import { CHECK_IN_GRACE_MINUTES } from '@/lib/domain/travel';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { InterviewListQuery } from '@/lib/validation/interview';

export const PAGE_SIZE = 25;

const listSelect = {
  id: true,
  company: true,
  roleTitle: true,
  roundLabel: true,
  scheduledStart: true,
  durationMinutes: true,
  timeZone: true,
  format: true,
  status: true,
  location: true,
  travelMinutes: true,
  bufferMinutes: true,
  rescheduledFromId: true,
} as const;

export type InterviewListItem = Prisma.InterviewGetPayload<{ select: typeof listSelect }>;

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
            { OR: [{ scheduledStart: { [direction]: cursor.at } }, { scheduledStart: cursor.at, id: { [direction]: cursor.id } }] },
          ],
        }
      : where,
    orderBy: [{ scheduledStart: ascending ? 'asc' : 'desc' }, { id: ascending ? 'asc' : 'desc' }],
    take: PAGE_SIZE + 1,
    select: listSelect,
  });
  const hasMore = page.length > PAGE_SIZE;
  const items = hasMore ? page.slice(0, PAGE_SIZE) : page;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeKeysetCursor({ at: last.scheduledStart, id: last.id }) : null };
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** How many interviews the week-ahead card lists; the rest are a link away, in the list. */
export const WEEK_AHEAD_SHOWN = 8;

/** How many interviews the "Needs an answer" card offers a check-in for at once. */
export const NEEDS_ANSWER_SHOWN = 5;

/**
 * The interviews the dashboard shows: two reads run together, each bounded whatever the user's
 * history, so a user with a crowded week gets the same page as anyone else plus "more" links.
 * The week ahead is a prefix of the upcoming interviews in start order and the next interview is
 * the first of them, so one read answers both; one row past what is shown says whether there is more.
 */
export async function getDashboard(userId: string, now = new Date()) {
  const db = getDb();
  // An interview needs an answer once start + duration + the grace period has passed; the
  // widest duration a form accepts bounds the range, the exact test runs per row.
  const [upcoming, unanswered] = await Promise.all([
    db.interview.findMany({
      where: { userId, status: 'SCHEDULED', scheduledStart: { gte: now } },
      orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
      take: WEEK_AHEAD_SHOWN + 1,
      // The next interview's card is what the user acts on: who to call, where to go.
      select: { ...listSelect, contactName: true, contactPhone: true },
    }),
    db.interview.findMany({
      where: { userId, status: 'SCHEDULED', scheduledStart: { lt: new Date(now.getTime() - CHECK_IN_GRACE_MINUTES * 60_000) } },
      orderBy: [{ scheduledStart: 'desc' }, { id: 'desc' }],
      take: 20,
      select: listSelect,
    }),
  ]);
  const weekEnd = now.getTime() + WEEK_MS;
  const thisWeek = upcoming.filter((item) => item.scheduledStart.getTime() < weekEnd);
  const due = unanswered.filter(
    (item) => item.scheduledStart.getTime() + (item.durationMinutes + CHECK_IN_GRACE_MINUTES) * 60_000 <= now.getTime(),
  );
  return {
    nextInterview: upcoming[0] ?? null,
    weekAhead: thisWeek.slice(0, WEEK_AHEAD_SHOWN),
    moreThisWeek: thisWeek.length > WEEK_AHEAD_SHOWN,
    needsAnswer: due.slice(0, NEEDS_ANSWER_SHOWN),
    moreNeedAnswer: due.length > NEEDS_ANSWER_SHOWN,
  };
}

import 'server-only';
import { isValidTimeZone, zonedLocalToUtc } from '@/lib/domain/time';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { LessonFilters } from '@/lib/validation/lessons';

/** What every lesson view needs (LessonDetail in lib/domain/lesson-view.ts, which the readers return). */
export const lessonSelect = {
  id: true,
  rootCause: true,
  side: true,
  company: true,
  whatHappened: true,
  reviewedAt: true,
  reviewCount: true,
  createdAt: true,
  updatedAt: true,
  incident: {
    select: {
      id: true,
      kind: true,
      recordedAt: true,
      outcome: true,
      interview: {
        select: { id: true, company: true, roleTitle: true, scheduledStart: true, timeZone: true, format: true },
      },
    },
  },
  actions: {
    select: { id: true, text: true, position: true, retiredAt: true },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  },
} as const satisfies Prisma.LessonSelect;

/**
 * The where clause for the URL filters. A lesson "happened" when its incident was recorded;
 * a near miss added by hand has no incident, so its own creation time stands in. Dates are
 * whole days in the user's time zone.
 */
export function buildLessonWhere(
  userId: string,
  filters: Pick<LessonFilters, 'cause' | 'side' | 'from' | 'to'>,
  timeZone: string,
): Prisma.LessonWhereInput {
  const where: Prisma.LessonWhereInput = { userId };
  if (filters.cause) where.rootCause = filters.cause;
  if (filters.side) where.side = filters.side;
  const range: Prisma.DateTimeFilter = {};
  if (filters.from) range.gte = startOfDay(filters.from, timeZone);
  if (filters.to) range.lt = startOfDay(nextDay(filters.to), timeZone);
  if (range.gte || range.lt) {
    where.OR = [
      { incidentId: { not: null }, incident: { is: { recordedAt: range } } },
      { incidentId: null, createdAt: range },
    ];
  }
  return where;
}

function startOfDay(date: string, timeZone: string): Date {
  // Profiles only store valid zones; UTC keeps a bad one from turning a filter into an error.
  return zonedLocalToUtc(`${date}T00:00`, isValidTimeZone(timeZone) ? timeZone : 'UTC').instant;
}

function nextDay(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

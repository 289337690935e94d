import 'server-only';
import { getDb } from '@/lib/db';
import {
  computeInterviewCutoff,
  computeInterviewHorizon,
  listSpacedCutoffs,
  REVIEW_PROMPTING_STATUSES,
} from '@/lib/domain/lesson-review';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * The latest start among the user's interviews that have reached their review moment: what
 * isLessonDue needs to know about interviews. One indexed row, however many interviews there are.
 */
export async function findLatestReviewInterviewStart(userId: string, now: Date): Promise<Date | null> {
  const latest = await getDb().interview.findFirst({
    where: {
      userId,
      status: { in: [...REVIEW_PROMPTING_STATUSES] },
      scheduledStart: { lte: computeInterviewHorizon(now) },
    },
    orderBy: [{ scheduledStart: 'desc' }],
    select: { scheduledStart: true },
  });
  return latest?.scheduledStart ?? null;
}

/** The last look (latest review, else the writing) at or before / strictly before an instant. */
function lastLook(bound: Prisma.DateTimeFilter): Prisma.LessonWhereInput {
  return { OR: [{ reviewedAt: null, createdAt: bound }, { reviewedAt: bound }] };
}

/** isLessonDue as a where clause, so counts and queues are computed by the database. */
export function buildDueWhere(userId: string, now: Date, latestInterviewStart: Date | null): Prisma.LessonWhereInput {
  const spaced = listSpacedCutoffs(now).map((cutoff) => ({
    reviewCount: cutoff.includesHigherCounts ? { gte: cutoff.reviewCount } : cutoff.reviewCount,
    ...lastLook({ lte: cutoff.lastLookAtOrBefore }),
  }));
  const byInterview = latestInterviewStart ? [lastLook({ lt: computeInterviewCutoff(latestInterviewStart) })] : [];
  return { userId, OR: [...spaced, ...byInterview] };
}

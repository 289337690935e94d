import 'server-only';
import { getDb } from '@/lib/db';
import {
  findApplicableLessons,
  ROOT_CAUSES,
  type HintInterview,
  type HintLesson,
  type PreventionHint,
  type RootCause,
} from '@/lib/domain/lesson-rules';
import { Prisma } from '@/lib/generated/prisma/client';

// A page lists a bounded number of interviews; a longer list is a bug, not a request to honour.
const MAX_INTERVIEWS = 200;

/**
 * The newest lessons per root cause that still prompt. Every lesson of one cause gives the same
 * suggestion, so older ones would only add more action texts under it; a user with hundreds of
 * lessons reads the newest few per cause, and a page carries a bounded number of rows.
 */
export const HINT_LESSONS_PER_CAUSE = 10;

export type PreventionHintsByInterview = Record<string, PreventionHint[]>;

export type HintCandidate = HintInterview & { id: string; status: string };

type HintLessonRow = { id: string; rootCause: RootCause; actionTexts: string[] };

/**
 * The lessons the hint rules can use, in one query: per root cause the newest
 * HINT_LESSONS_PER_CAUSE that still prompt (no actions at all, or at least one not retired),
 * each with its unretired action texts, newest first overall. A lesson whose every action is
 * retired is a habit now and the rules skip it, so it is left out here rather than counted
 * against the cap.
 */
export async function findHintLessons(
  userId: string,
  causes: readonly RootCause[] = ROOT_CAUSES,
): Promise<HintLesson[]> {
  if (causes.length === 0) return [];
  // Causes are the fixed enum values, compared as text: a bound text parameter does not compare
  // with the enum column itself.
  const rows = await getDb().$queryRaw<HintLessonRow[]>`
    SELECT ranked."id", ranked."rootCause", COALESCE(texts."actionTexts", '[]'::json) AS "actionTexts"
    FROM (
      SELECT l."id", l."rootCause"::text AS "rootCause", l."createdAt",
             row_number() OVER (PARTITION BY l."rootCause" ORDER BY l."createdAt" DESC, l."id" DESC) AS "rank"
      FROM "Lesson" l
      WHERE l."userId" = ${userId}
        AND l."rootCause"::text IN (${Prisma.join([...causes])})
        AND (
          NOT EXISTS (SELECT 1 FROM "PreventionAction" a WHERE a."lessonId" = l."id")
          OR EXISTS (SELECT 1 FROM "PreventionAction" a WHERE a."lessonId" = l."id" AND a."retiredAt" IS NULL)
        )
    ) ranked
    LEFT JOIN LATERAL (
      SELECT json_agg(a."text" ORDER BY a."position", a."id") AS "actionTexts"
      FROM "PreventionAction" a
      WHERE a."lessonId" = ranked."id" AND a."retiredAt" IS NULL
    ) texts ON true
    WHERE ranked."rank" <= ${HINT_LESSONS_PER_CAUSE}
    ORDER BY ranked."createdAt" DESC, ranked."id" DESC`;
  return rows.map((row) => ({
    id: row.id,
    rootCause: row.rootCause,
    actions: row.actionTexts.map((text) => ({ text, retiredAt: null })),
  }));
}

/** Only interviews still ahead get hints: scheduled and not started. */
export function isHintCandidate(interview: { status: string; scheduledStart: Date }, now: Date): boolean {
  return interview.status === 'SCHEDULED' && interview.scheduledStart >= now;
}

/** The pure rules over rows a page already has: no query. */
export function applyHintLessons(
  interviews: readonly HintCandidate[],
  lessons: readonly HintLesson[],
  userTimeZone: string,
  now: Date,
): PreventionHintsByInterview {
  const result: PreventionHintsByInterview = {};
  for (const interview of interviews) {
    result[interview.id] =
      isHintCandidate(interview, now) && lessons.length > 0
        ? findApplicableLessons(interview, lessons, userTimeZone)
        : [];
  }
  return result;
}

/**
 * The prevention hints for each of the given interviews of the user's that are still ahead
 * (scheduled and not started). Two queries: the user's zone with those interviews, and the
 * bounded lessons (findHintLessons). Ids that are not the user's (or not upcoming) get an empty
 * list, exactly like interviews no lesson applies to.
 */
export async function getPreventionHints(
  userId: string,
  interviewIds: readonly string[],
  now = new Date(),
): Promise<PreventionHintsByInterview> {
  const ids = [...new Set(interviewIds)].slice(0, MAX_INTERVIEWS);
  const result: PreventionHintsByInterview = Object.fromEntries(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const [user, lessons] = await Promise.all([
    getDb().user.findUnique({ where: { id: userId }, select: { timeZone: true } }),
    findHintLessons(userId),
  ]);
  if (!user) return result;
  const interviews = await getDb().interview.findMany({
    where: { userId, id: { in: ids }, status: 'SCHEDULED', scheduledStart: { gte: now } },
    select: {
      id: true,
      status: true,
      format: true,
      scheduledStart: true,
      timeZone: true,
      travelMinutes: true,
      bufferMinutes: true,
    },
  });
  return { ...result, ...applyHintLessons(interviews, lessons, user.timeZone, now) };
}

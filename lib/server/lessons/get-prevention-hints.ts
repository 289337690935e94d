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
import type { LessonSide } from '@/lib/generated/prisma/enums';
import type { IncidentKind } from '@/lib/domain/recovery-state';

// A page lists a bounded number of interviews; a longer list is a bug, not a request to honour.
const MAX_INTERVIEWS = 200;

/**
 * The newest lessons per root cause that still prompt. Every lesson of one cause gives the same
 * suggestion, so older ones would only add more action texts under it; a user with hundreds of
 * lessons reads the newest few per cause, and a page carries a bounded number of rows.
 */
export const HINT_LESSONS_PER_CAUSE = 10;
/**
 * Employer-side lessons apply per company, so they are bounded per company instead: the newest
 * few about each employer, from the newest EMPLOYER_HINT_LESSONS_MAX employer-side lessons.
 */
export const EMPLOYER_HINT_LESSONS_PER_COMPANY = 3;
export const EMPLOYER_HINT_LESSONS_MAX = 50;

export type PreventionHintsByInterview = Record<string, PreventionHint[]>;

export type HintCandidate = HintInterview & { id: string; status: string };

type HintLessonRow = {
  id: string;
  rootCause: RootCause;
  side: LessonSide;
  company: string | null;
  incidentKind: IncidentKind | null;
  actionTexts: string[];
};

/**
 * The lessons the hint rules can use, in one query: on the candidate's side, per root cause the
 * newest HINT_LESSONS_PER_CAUSE that still prompt (no actions at all, or at least one not
 * retired); on the employer's side, the newest EMPLOYER_HINT_LESSONS_PER_COMPANY per company
 * (named the way the patterns page groups them) among the newest EMPLOYER_HINT_LESSONS_MAX, and
 * only those that name a company, since that is what they are matched by. Each comes with its
 * unretired action texts, newest first overall. A lesson whose every action is retired is a
 * habit now and the rules skip it, so it is left out here rather than counted against the cap.
 */
export async function findHintLessons(
  userId: string,
  causes: readonly RootCause[] = ROOT_CAUSES,
): Promise<HintLesson[]> {
  if (causes.length === 0) return [];
  // Causes are the fixed enum values, compared as text: a bound text parameter does not compare
  // with the enum column itself.
  const rows = await getDb().$queryRaw<HintLessonRow[]>`
    SELECT ranked."id", ranked."rootCause", ranked."side", ranked."company", ranked."incidentKind",
           COALESCE(texts."actionTexts", '[]'::json) AS "actionTexts"
    FROM (
      SELECT l."id", l."rootCause"::text AS "rootCause", l."side"::text AS "side", l."company",
             i."kind"::text AS "incidentKind", l."createdAt",
             row_number() OVER (PARTITION BY l."side", l."rootCause" ORDER BY l."createdAt" DESC, l."id" DESC) AS "causeRank",
             row_number() OVER (PARTITION BY l."side", lower(btrim(l."company")) ORDER BY l."createdAt" DESC, l."id" DESC) AS "companyRank",
             row_number() OVER (PARTITION BY l."side" ORDER BY l."createdAt" DESC, l."id" DESC) AS "sideRank"
      FROM "Lesson" l
      LEFT JOIN "MissedIncident" i ON i."id" = l."incidentId" AND i."userId" = ${userId}
      WHERE l."userId" = ${userId}
        AND l."rootCause"::text IN (${Prisma.join([...causes])})
        AND (l."side" = 'CANDIDATE' OR btrim(COALESCE(l."company", '')) <> '')
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
    WHERE (ranked."side" = 'CANDIDATE' AND ranked."causeRank" <= ${HINT_LESSONS_PER_CAUSE})
       OR (ranked."side" = 'EMPLOYER' AND ranked."companyRank" <= ${EMPLOYER_HINT_LESSONS_PER_COMPANY}
           AND ranked."sideRank" <= ${EMPLOYER_HINT_LESSONS_MAX})
    ORDER BY ranked."createdAt" DESC, ranked."id" DESC`;
  return rows.map((row) => ({
    id: row.id,
    rootCause: row.rootCause,
    side: row.side,
    company: row.company,
    incidentKind: row.incidentKind,
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
      company: true,
      format: true,
      scheduledStart: true,
      timeZone: true,
      travelMinutes: true,
      bufferMinutes: true,
    },
  });
  return { ...result, ...applyHintLessons(interviews, lessons, user.timeZone, now) };
}

// When a lesson is due for review. A lesson is worth rereading shortly before it can help: before
// the next interview, and otherwise on a widening schedule so a lesson that sticks stops asking.
//
// - The "last look" is the latest review, or the moment the lesson was written.
// - Spacing: the first review falls a week after the lesson was written; each review doubles the
//   gap (1, 2, 4, 8 weeks), capped at 90 days.
// - Interviews: an interview that starts more than INTERVIEW_LEAD_HOURS after the last look makes
//   the lesson due INTERVIEW_LEAD_HOURS before it starts (the evening before a morning interview,
//   time enough to act on it), and it stays due until it is reviewed. A lesson written or reviewed
//   within a day of an interview is fresh enough for it and is not called back.
// - Only interviews that take place count: scheduled, completed or missed ones. A rescheduled
//   interview lives on as its new row; cancelled and withdrawn ones never happen.

import type { InterviewStatus } from './interview-status';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const FIRST_REVIEW_DAYS = 7;
export const MAX_REVIEW_INTERVAL_DAYS = 90;
export const INTERVIEW_LEAD_HOURS = 24;
export const REVIEW_PROMPTING_STATUSES: readonly InterviewStatus[] = ['SCHEDULED', 'COMPLETED', 'MISSED'];

export type LessonReviewState = { createdAt: Date; reviewedAt: Date | null; reviewCount: number };

/** Days from the last look to the next spaced review, after `reviewCount` reviews. */
export function computeReviewIntervalDays(reviewCount: number): number {
  return Math.min(FIRST_REVIEW_DAYS * 2 ** Math.max(0, Math.floor(reviewCount)), MAX_REVIEW_INTERVAL_DAYS);
}

export function computeLastLook(lesson: Pick<LessonReviewState, 'createdAt' | 'reviewedAt'>): Date {
  return lesson.reviewedAt ?? lesson.createdAt;
}

/** The spaced review moment, ignoring interviews. */
export function computeSpacedReviewAt(lesson: LessonReviewState): Date {
  return new Date(computeLastLook(lesson).getTime() + computeReviewIntervalDays(lesson.reviewCount) * DAY_MS);
}

/** Interviews starting up to this instant have reached their review moment. */
export function computeInterviewHorizon(now: Date): Date {
  return new Date(now.getTime() + INTERVIEW_LEAD_HOURS * HOUR_MS);
}

/**
 * A lesson last looked at before this instant is due because of the interview starting at
 * `interviewStart`.
 */
export function computeInterviewCutoff(interviewStart: Date): Date {
  return new Date(interviewStart.getTime() - INTERVIEW_LEAD_HOURS * HOUR_MS);
}

/**
 * `latestInterviewStart` is the latest start, among the user's interviews that take place, at or
 * before computeInterviewHorizon(now). Any interview that has reached its review moment starts at
 * or before that one, so it alone decides whether some interview calls the lesson back.
 */
export function isLessonDue(lesson: LessonReviewState, now: Date, latestInterviewStart: Date | null): boolean {
  if (computeSpacedReviewAt(lesson).getTime() <= now.getTime()) return true;
  if (!latestInterviewStart) return false;
  return computeLastLook(lesson).getTime() < computeInterviewCutoff(latestInterviewStart).getTime();
}

export type SpacedCutoff = {
  reviewCount: number;
  /** This cutoff also holds for every higher review count (the interval is capped). */
  includesHigherCounts: boolean;
  /** Lessons with this review count whose last look is at or before this instant are due. */
  lastLookAtOrBefore: Date;
};

/** The spacing rule as one cutoff per review count, for a database query. */
export function listSpacedCutoffs(now: Date): SpacedCutoff[] {
  const cutoffs: SpacedCutoff[] = [];
  for (let reviewCount = 0; ; reviewCount += 1) {
    const days = computeReviewIntervalDays(reviewCount);
    const includesHigherCounts = days === MAX_REVIEW_INTERVAL_DAYS;
    cutoffs.push({ reviewCount, includesHigherCounts, lastLookAtOrBefore: new Date(now.getTime() - days * DAY_MS) });
    if (includesHigherCounts) return cutoffs;
  }
}

/** How many lessons are due for review, of how many the user has. */
export type LessonReviewCounts = { due: number; total: number };

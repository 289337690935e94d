// Whose side a lesson is about. A candidate-side lesson is what the candidate will do differently;
// an employer-side one is what the candidate will do about the employer's side (a no-show, a
// mix-up on their end), and it comes back before the next interview with that employer.
import type { LessonSide } from '@/lib/generated/prisma/enums';
import { ROOT_CAUSE_LABELS, ROOT_CAUSES, type RootCause } from './lesson-rules';

export type { LessonSide };

export const LESSON_SIDES = ['CANDIDATE', 'EMPLOYER'] as const satisfies readonly LessonSide[];

/** The form's choice, in the candidate's words. */
export const LESSON_SIDE_LABELS: Readonly<Record<LessonSide, string>> = {
  CANDIDATE: 'What I’ll do differently',
  EMPLOYER: 'What I’ll do about the employer’s side',
};

/** Short names for cards, filters and exports. */
export const LESSON_SIDE_SHORT_LABELS: Readonly<Record<LessonSide, string>> = {
  CANDIDATE: 'My side',
  EMPLOYER: 'Employer’s side',
};

/**
 * The causes an employer's side can have. Traffic, an emergency, illness or forgetting are the
 * candidate's own; what the employer gets wrong is the schedule, the zone, the technology, or
 * something else (a no-show with no reason given).
 */
export const EMPLOYER_ROOT_CAUSES = [
  'SCHEDULE_MIXUP',
  'TIMEZONE_ERROR',
  'TECHNICAL_PROBLEM',
  'OTHER',
] as const satisfies readonly RootCause[];

export const ROOT_CAUSES_BY_SIDE: Readonly<Record<LessonSide, readonly RootCause[]>> = {
  CANDIDATE: ROOT_CAUSES,
  EMPLOYER: EMPLOYER_ROOT_CAUSES,
};

export function isLessonSide(value: unknown): value is LessonSide {
  return typeof value === 'string' && (LESSON_SIDES as readonly string[]).includes(value);
}

export function isRootCauseAllowed(side: LessonSide, cause: RootCause): boolean {
  return ROOT_CAUSES_BY_SIDE[side].includes(cause);
}

/** The message for a cause the side does not allow, naming the ones it does. */
export function describeAllowedRootCauses(side: LessonSide): string {
  const names = ROOT_CAUSES_BY_SIDE[side].map((cause) => ROOT_CAUSE_LABELS[cause].toLowerCase());
  return side === 'EMPLOYER'
    ? `On the employer’s side, choose one of: ${names.join(', ')}.`
    : `Choose what caused it: ${names.join(', ')}.`;
}

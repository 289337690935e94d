import { z } from 'zod/mini';
import { idSchema, textSchema } from './common';
import { ROOT_CAUSES, ROOT_CAUSE_LABELS, type RootCause } from '@/lib/domain/lesson-rules';
import {
  describeAllowedRootCauses,
  isRootCauseAllowed,
  LESSON_SIDES,
  type LessonSide,
} from '@/lib/domain/lesson-sides';

import { ACTION_TEXT_MAX, ACTIONS_MAX, WHAT_HAPPENED_MAX } from './limits';

export { ACTION_TEXT_MAX, ACTIONS_MAX, WHAT_HAPPENED_MAX };

const causeList = ROOT_CAUSES.map((cause) => ROOT_CAUSE_LABELS[cause].toLowerCase()).join(', ');

const actionText = textSchema({ trim: true }).check(
  z.maxLength(ACTION_TEXT_MAX, `A prevention action is at most ${ACTION_TEXT_MAX} characters; split it into two.`),
);
const actionsMax = () =>
  z.maxLength(ACTIONS_MAX, `Keep it to ${ACTIONS_MAX} prevention actions at most: the ones you will really do.`);

/**
 * What every lesson says, however it was written: the root cause and what happened. The lesson
 * form and the recovery flow's lesson step extend it with their own rows of prevention actions.
 */
export const lessonContentSchema = z.object({
  rootCause: z.enum(ROOT_CAUSES, { message: `Choose what caused it: ${causeList}.` }),
  whatHappened: textSchema({
    multiLine: true,
    message: 'Write what happened, even in one sentence.',
    trim: true,
  }).check(
    z.minLength(1, 'Write what happened, even in one sentence.'),
    z.maxLength(
      WHAT_HAPPENED_MAX,
      `Keep what happened to ${WHAT_HAPPENED_MAX.toLocaleString('en-GB')} characters; the short version is easier to review.`,
    ),
  ),
});

export const LESSON_COMPANY_MAX = 200;
export const LESSON_COMPANY_REQUIRED_MESSAGE =
  'Name the employer, so the lesson comes back before your next interview with them.';

/** Whose side a lesson is about; the candidate's unless chosen. */
export const lessonSideSchema = z.enum(LESSON_SIDES, { message: 'Choose whose side this lesson is about.' });

/**
 * A side and its root cause go together: the employer's side has fewer causes (see
 * lib/domain/lesson-sides.ts). For any lesson schema that carries a side; the error goes on the
 * root cause, where the user can fix it.
 */
export function checkSideRootCause(
  value: { side?: LessonSide; rootCause: RootCause },
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
): void {
  const side = value.side ?? 'CANDIDATE';
  if (!isRootCauseAllowed(side, value.rootCause))
    ctx.addIssue({ code: 'custom', path: ['rootCause'], message: describeAllowedRootCauses(side) });
}

/** An optional company: blank reads as absent. */
const lessonCompany = z.pipe(
  z.optional(
    textSchema({ trim: true }).check(
      z.maxLength(LESSON_COMPANY_MAX, `A company name is at most ${LESSON_COMPANY_MAX} characters.`),
    ),
  ),
  z.transform((value: string | undefined) => (value ? value : undefined)),
);

/**
 * The lesson form (add or edit by hand). Blank action rows are allowed here (a row the user
 * added and left empty) and dropped when saving; validating rows in place keeps each error on
 * the row it belongs to. An employer-side lesson names the employer (for a lesson from a
 * recovery the form shows the interview's company, which the server keeps whatever is sent).
 */
export const lessonFormSchema = z
  .extend(lessonContentSchema, {
    side: z._default(lessonSideSchema, 'CANDIDATE'),
    company: lessonCompany,
    actions: z
      .array(
        z.object({
          // The existing action this row edits; absent for a new one.
          actionId: z.optional(idSchema('prevention action')),
          text: actionText,
        }),
      )
      .check(actionsMax()),
  })
  .check(
    z.superRefine((value, ctx) => {
      checkSideRootCause(value, ctx);
      if (value.side === 'EMPLOYER' && !value.company)
        ctx.addIssue({ code: 'custom', path: ['company'], message: LESSON_COMPANY_REQUIRED_MESSAGE });
    }),
  );

/** The recovery flow's lesson: at least one action, every row filled in. */
export const recoveryLessonContentSchema = z.extend(lessonContentSchema, {
  actions: z
    .array(z.object({ text: actionText.check(z.minLength(1, 'Write the action, or remove the empty line.')) }), {
      message: 'Add at least one thing you will change.',
    })
    .check(z.minLength(1, 'Add at least one thing you will change.'), actionsMax()),
});

export type LessonFormInput = z.input<typeof lessonFormSchema>;
export type LessonFormValues = z.output<typeof lessonFormSchema>;

const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((value) => {
    const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    // The range ends a day early: the filter reads `to` as "before the next day", which must still have a four-digit year.
    return (
      year >= 1970 &&
      year < 9999 &&
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day
    );
  }),
);

/**
 * Filters from the URL. A link can carry anything, so a value that does not parse is dropped
 * (as if absent) instead of failing the page.
 */
const lessonFilterFields = z.object({
  cause: z.catch(z.optional(z.enum(ROOT_CAUSES)), undefined),
  side: z.catch(z.optional(lessonSideSchema), undefined),
  from: z.catch(z.optional(isoDate), undefined),
  to: z.catch(z.optional(isoDate), undefined),
  cursor: z.catch(z.optional(textSchema().check(z.maxLength(200))), undefined),
});

export const lessonFilterSchema = z.pipe(
  lessonFilterFields,
  z.transform((filters: z.output<typeof lessonFilterFields>) =>
    // A reversed range is a slip of the hand; reading it the right way round is what was meant.
    filters.from && filters.to && filters.from > filters.to
      ? { ...filters, from: filters.to, to: filters.from }
      : filters,
  ),
);

export type LessonFilters = z.output<typeof lessonFilterSchema>;

export type SearchParams = Record<string, string | string[] | undefined>;

/** Parses page or route search params; never throws. */
export function parseLessonFilters(params: SearchParams | URLSearchParams): LessonFilters {
  const raw = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  return lessonFilterSchema.parse(raw);
}

export const EXPORT_FORMATS = ['md', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

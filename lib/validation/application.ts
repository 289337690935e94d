import { z } from 'zod/mini';
import { APPLICATION_SOURCES, CONTACT_ROLES, SALARY_PERIODS } from '@/lib/domain/application-details';
import { calendarDateSchema, idSchema, textSchema } from './common';

export const APPLICATION_NOTES_MAX = 10_000;
export const SALARY_MAX = 100_000_000;
export const FUTURE_APPLIED_MESSAGE = 'The applied date cannot be in the future. Enter today or an earlier day.';

/** An optional field that may arrive empty: '' reads as absent. */
const blankAsAbsent = <T extends z.core.$ZodType<string>>(schema: T) =>
  z.pipe(
    z.optional(schema),
    z.transform((value: z.output<T> | undefined) => (value ? value : undefined)),
  );

const optionalText = (max: number, label: string, { multiLine = false } = {}) =>
  blankAsAbsent(
    textSchema({ multiLine, trim: true }).check(
      z.maxLength(max, `${label} is at most ${max.toLocaleString('en-GB')} characters.`),
    ),
  );

const requiredText = (max: number, missing: string, tooLong: string) =>
  textSchema({ trim: true }).check(z.minLength(1, missing), z.maxLength(max, tooLong));

/** A select's value: '' is "not chosen". */
const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.pipe(
    z.optional(z.string()),
    z.transform((value: string | undefined, ctx) => {
      if (!value) return undefined;
      if (!(values as readonly string[]).includes(value)) {
        ctx.issues.push({ code: 'custom', message, input: value });
        return z.NEVER;
      }
      return value as T[number];
    }),
  );

const optionalAmount = (label: string) =>
  z.pipe(
    z.optional(z.union([z.string(), z.number()])),
    z.transform((value: string | number | undefined, ctx) => {
      if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
      // Thousands separators as people type them ("50,000", "50 000") are not part of the number.
      const number = typeof value === 'number' ? value : Number(value.replace(/[\s,_]/g, ''));
      if (!Number.isInteger(number) || number < 0 || number > SALARY_MAX) {
        ctx.issues.push({
          code: 'custom',
          message: `${label} must be a whole number from 0 to ${SALARY_MAX.toLocaleString('en-GB')}.`,
          input: value,
        });
        return z.NEVER;
      }
      return number;
    }),
  );

const postingUrl = textSchema({ trim: true }).check(
  z.maxLength(2000, 'A posting link is at most 2,000 characters.'),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'The posting link must be a web address starting with https:// (or http://).'),
);

const currency = z.pipe(
  blankAsAbsent(textSchema({ trim: true })),
  z.optional(
    z.pipe(
      z.string().check(z.regex(/^[A-Za-z]{3}$/, 'Enter the currency as its three-letter code, e.g. GBP, EUR or USD.')),
      z.transform((value: string) => value.toUpperCase()),
    ),
  ),
);

/**
 * The latest day a user anywhere can call "today": the date 14 hours ahead of UTC (Kiribati's
 * zone, the earliest to start a day). The schema runs in the browser and on the server without
 * the user's zone, so it allows that much rather than refuse someone's real today.
 */
export function latestAppliedDate(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

// Blank first: the form sends '' for "not recorded", which the date checks would refuse.
const appliedOn = z.pipe(
  blankAsAbsent(textSchema({ trim: true })),
  z.optional(calendarDateSchema.check(z.refine((value) => value <= latestAppliedDate(), FUTURE_APPLIED_MESSAGE))),
);

const phoneSchema = textSchema({ trim: true }).check(
  z.maxLength(40, 'A phone number is at most 40 characters.'),
  z.refine((value) => /^\+?[0-9 ()\-./]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 5, {
    message: 'Enter a phone number with digits, e.g. +44 20 7946 0000. Letters are not allowed.',
  }),
);

const optionalEmail = z.pipe(
  z.pipe(
    z.optional(textSchema({ trim: true }).check(z.maxLength(254, 'An email address is at most 254 characters.'))),
    z.transform((value: string | undefined) => (value ? value.toLowerCase() : undefined)),
  ),
  z.optional(z.email('Enter a valid email address, like name@example.com.')),
);

/** One schema for the application form (new and edit) and its actions. */
export const applicationFormSchema = z
  .object({
    company: requiredText(200, 'Enter the company.', 'A company name is at most 200 characters.'),
    roleTitle: requiredText(200, 'Enter the role.', 'A role title is at most 200 characters.'),
    source: optionalEnum(APPLICATION_SOURCES, 'Choose where the job came from from the list.'),
    sourceDetail: optionalText(200, 'Where it came from'),
    postingUrl: z.pipe(blankAsAbsent(textSchema({ trim: true })), z.optional(postingUrl)),
    location: optionalText(200, 'The location'),
    isRemote: z.optional(z.boolean()),
    salaryMin: optionalAmount('The minimum salary'),
    salaryMax: optionalAmount('The maximum salary'),
    salaryCurrency: currency,
    salaryPeriod: optionalEnum(SALARY_PERIODS, 'Choose per year, per month or per hour.'),
    appliedOn,
    notes: optionalText(APPLICATION_NOTES_MAX, 'Notes', { multiLine: true }),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.source === 'OTHER' && !value.sourceDetail) {
        ctx.addIssue({ code: 'custom', path: ['sourceDetail'], message: 'Say where the job came from.' });
      }
      const hasAmount = value.salaryMin !== undefined || value.salaryMax !== undefined;
      if (value.salaryMin !== undefined && value.salaryMax !== undefined && value.salaryMin > value.salaryMax) {
        ctx.addIssue({
          code: 'custom',
          path: ['salaryMax'],
          message: 'The maximum salary must be at least the minimum.',
        });
      }
      // A range means nothing without its currency and period, and a currency alone says nothing.
      if (hasAmount && !value.salaryCurrency) {
        ctx.addIssue({ code: 'custom', path: ['salaryCurrency'], message: 'Enter the salary’s currency, e.g. GBP.' });
      }
      if (hasAmount && !value.salaryPeriod) {
        ctx.addIssue({
          code: 'custom',
          path: ['salaryPeriod'],
          message: 'Choose whether the salary is per year, month or hour.',
        });
      }
      if (!hasAmount && (value.salaryCurrency || value.salaryPeriod)) {
        ctx.addIssue({
          code: 'custom',
          path: ['salaryMin'],
          message: 'Enter a minimum or maximum salary, or clear the currency and period.',
        });
      }
    }),
  );

export type ApplicationFormInput = z.input<typeof applicationFormSchema>;
export type ApplicationFormValues = z.output<typeof applicationFormSchema>;

/** A new application: the form, the stage it starts in, and whether the user saw the warnings. */
export const createApplicationSchema = z.object({
  values: applicationFormSchema,
  stageId: z.optional(idSchema('stage')),
  acknowledgeWarnings: z.optional(z.boolean()),
});

export const updateApplicationSchema = z.object({ id: idSchema('application'), values: applicationFormSchema });

export const applicationContactSchema = z.object({
  name: requiredText(200, 'Enter the contact’s name.', 'A name is at most 200 characters.'),
  email: optionalEmail,
  phone: z.pipe(blankAsAbsent(textSchema({ trim: true })), z.optional(phoneSchema)),
  role: z.catch(z.enum(CONTACT_ROLES), 'OTHER'),
});

export type ApplicationContactInput = z.input<typeof applicationContactSchema>;
export type ApplicationContactValues = z.output<typeof applicationContactSchema>;

/** A stage change from the application page: where to, and an optional note for the timeline. */
export const changeApplicationStageSchema = z.object({
  id: idSchema('application'),
  stageId: idSchema('stage'),
  note: optionalText(1000, 'The note', { multiLine: true }),
  // The stage the page showed: a move made since (another tab) is refused rather than overwritten.
  expectedStageId: z.optional(idSchema('stage')),
});

export const APPLICATION_TABLE_SORTS = ['changed', 'applied', 'company'] as const;
export type ApplicationTableSort = (typeof APPLICATION_TABLE_SORTS)[number];

const optionalFilterDate = z.catch(z.optional(calendarDateSchema), undefined);

/** The table's filters from the URL; a value that makes no sense falls back instead of failing. */
export const applicationTableQuerySchema = z.object({
  sort: z.catch(z.enum(APPLICATION_TABLE_SORTS), 'changed'),
  dir: z.catch(z.optional(z.enum(['asc', 'desc'])), undefined),
  stage: z.catch(z.optional(textSchema().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))), undefined),
  source: z.catch(z.optional(z.enum(APPLICATION_SOURCES)), undefined),
  from: optionalFilterDate,
  to: optionalFilterDate,
  q: z.catch(z.optional(textSchema({ trim: true }).check(z.minLength(1), z.maxLength(100))), undefined),
  cursor: z.catch(z.optional(textSchema().check(z.maxLength(400))), undefined),
});
export type ApplicationTableQuery = z.output<typeof applicationTableQuerySchema>;

/** The URL's raw values (a repeated parameter reads as absent) for the table's schema. */
export function parseApplicationTableQuery(raw: Record<string, string | string[] | undefined>): ApplicationTableQuery {
  const pick = (key: string) => {
    const value = raw[key];
    return typeof value === 'string' ? value : undefined;
  };
  return applicationTableQuerySchema.parse({
    sort: pick('sort'),
    dir: pick('dir'),
    stage: pick('stage'),
    source: pick('source'),
    from: pick('from'),
    to: pick('to'),
    q: pick('q'),
    cursor: pick('cursor'),
  });
}

// The employer's no-show: its start, the checks' finding and its outcome, for the forms
// (zodResolver) and their actions alike.
import { z } from 'zod/mini';
import { NO_SHOW_FINDINGS } from '@/lib/domain/employer-no-show';
import { idSchema, isRealDate, IMPOSSIBLE_DATE_MESSAGE, textSchema } from './common';

const idempotencyKeySchema = z.uuid('This form is out of date. Reload the page and try again.');

export const startNoShowSchema = z.object({
  interviewId: idSchema('interview'),
  idempotencyKey: idempotencyKeySchema,
});
export type StartNoShowInput = z.input<typeof startNoShowSchema>;
export type StartNoShowValues = z.output<typeof startNoShowSchema>;

export const resolveNoShowCheckSchema = z.object({
  incidentId: idSchema('incident'),
  finding: z.enum(NO_SHOW_FINDINGS, { message: 'Choose what your checks found.' }),
});
export type ResolveNoShowCheckInput = z.input<typeof resolveNoShowCheckSchema>;
export type ResolveNoShowCheckValues = z.output<typeof resolveNoShowCheckSchema>;

export const NO_SHOW_OUTCOME_CHOICES = ['JOINED_LATE', 'RESCHEDULED', 'NO_RESPONSE', 'WITHDRAWN'] as const;
export type NoShowOutcomeChoice = (typeof NO_SHOW_OUTCOME_CHOICES)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const recordNoShowOutcomeSchema = z
  .object({
    incidentId: idSchema('incident'),
    outcome: z.enum(NO_SHOW_OUTCOME_CHOICES, { message: 'Choose what happened.' }),
    // The new day and time, in the interview's own zone (as the employer-reschedule form takes them).
    date: z.optional(z.string()),
    time: z.optional(z.string()),
    note: z.optional(
      textSchema({ multiLine: true, trim: true }).check(z.maxLength(1000, 'A note is at most 1,000 characters.')),
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.outcome !== 'RESCHEDULED') return;
      if (!value.date || !DATE.test(value.date)) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'Enter the new date they gave you.' });
      } else if (!isRealDate(value.date)) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: IMPOSSIBLE_DATE_MESSAGE });
      }
      if (!value.time || !TIME.test(value.time)) {
        ctx.addIssue({ code: 'custom', path: ['time'], message: 'Enter the new time as HH:MM.' });
      }
    }),
  );
export type RecordNoShowOutcomeInput = z.input<typeof recordNoShowOutcomeSchema>;
export type RecordNoShowOutcomeValues = z.output<typeof recordNoShowOutcomeSchema>;

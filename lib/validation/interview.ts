import { z } from 'zod/mini';
import { INTERVIEW_FORMATS } from '@/lib/domain/interview-format';
import { RESCHEDULE_REASONS, type RescheduleReason } from '@/lib/domain/interview-time-changes';
import {
  calendarDateSchema,
  idSchema,
  IMPOSSIBLE_DATE_MESSAGE,
  isCleanText,
  isRealDate,
  textSchema,
  timeZoneSchema,
} from './common';

/** An optional field that may arrive empty: '' reads as absent. */
const blankAsAbsent = <T extends z.core.$ZodType<string>>(schema: T) =>
  z.pipe(
    z.optional(schema),
    z.transform((value: z.output<T> | undefined) => (value ? value : undefined)),
  );

const optionalText = (max: number, label: string, { multiLine = false } = {}) =>
  blankAsAbsent(
    textSchema({ multiLine, trim: true }).check(z.maxLength(max, `${label} is at most ${max} characters.`)),
  );

const optionalMinutes = (label: string) =>
  z.pipe(
    z.optional(z.union([z.string(), z.number()])),
    z.transform((value: string | number | undefined, ctx) => {
      if (value === undefined || value === '') return undefined;
      const number = typeof value === 'number' ? value : Number(value);
      if (!Number.isInteger(number) || number < 0 || number > 600) {
        ctx.issues.push({
          code: 'custom',
          message: `${label} must be a whole number of minutes between 0 and 600.`,
          input: value,
        });
        return z.NEVER;
      }
      return number;
    }),
  );

/** A record chosen in a select whose first option is "none": '' reads as absent. */
const optionalChoice = (what: string) =>
  z.pipe(
    z.optional(z.union([z.literal(''), idSchema(what)])),
    z.transform((value: string | undefined) => (value ? value : undefined)),
  );

const dateSchema = calendarDateSchema;
const timeSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as HH:MM (24-hour).'));

const httpUrl = textSchema({ trim: true }).check(
  z.maxLength(2000, 'A meeting link is at most 2,000 characters.'),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'The meeting link must be a web address starting with https:// (or http://).'),
);

const phoneSchema = textSchema({ trim: true }).check(
  z.maxLength(40, 'A phone number is at most 40 characters.'),
  z.refine((value) => /^\+?[0-9 ()\-./]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 5, {
    message: 'Enter a phone number with digits, e.g. +44 20 7946 0000. Letters are not allowed.',
  }),
);

/**
 * One schema for the interview form and the server. Date and times are local to the
 * interview's own time zone; the server turns them into an instant.
 */
export const interviewFormSchema = z
  .object({
    // The application it is a round of; absent: the open one for this company and role, or a new
    // one. Read when the interview is added; an interview never changes application afterwards.
    applicationId: optionalChoice('application'),
    // One of the application's contacts; absent: the contact typed below, saved to the application.
    contactId: optionalChoice('contact'),
    // Saving anyway after the warnings a new application's company brought up (findInterviewWarnings).
    acknowledgeWarnings: z.optional(z.boolean()),
    company: textSchema({ trim: true }).check(
      z.minLength(1, 'Enter the company.'),
      z.maxLength(200, 'A company name is at most 200 characters.'),
    ),
    roleTitle: textSchema({ trim: true }).check(
      z.minLength(1, 'Enter the role.'),
      z.maxLength(200, 'A role title is at most 200 characters.'),
    ),
    roundLabel: optionalText(100, 'The round'),
    date: dateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    timeZone: timeZoneSchema,
    format: z.enum(INTERVIEW_FORMATS, { message: 'Choose in person, video call or phone call.' }),
    location: optionalText(500, 'The address'),
    meetingUrl: z.pipe(blankAsAbsent(textSchema({ trim: true })), z.optional(httpUrl)),
    contactName: optionalText(200, 'The contact name'),
    contactEmail: z.pipe(
      z.pipe(
        z.optional(textSchema({ trim: true }).check(z.maxLength(254, 'An email address is at most 254 characters.'))),
        z.transform((value: string | undefined) => (value ? value.toLowerCase() : undefined)),
      ),
      z.optional(z.email('Enter a valid email address for the contact, like name@example.com.')),
    ),
    contactPhone: z.pipe(blankAsAbsent(textSchema({ trim: true })), z.optional(phoneSchema)),
    notes: optionalText(5000, 'Notes', { multiLine: true }),
    travelMinutes: optionalMinutes('Travel time'),
    bufferMinutes: optionalMinutes('Buffer'),
    // Edits only, read when the time moves: why, kept with the move in the interview's history.
    rescheduleReason: z.pipe(
      z.optional(z.enum(['', ...RESCHEDULE_REASONS], { message: 'Choose a reason from the list.' })),
      z.transform((value: RescheduleReason | '' | undefined) => (value ? value : undefined)),
    ),
    rescheduleNote: optionalText(300, 'The reason'),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.endTime <= value.startTime) {
        ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The end time must be after the start time.' });
      }
      if (value.format === 'IN_PERSON' && !value.location) {
        ctx.addIssue({ code: 'custom', path: ['location'], message: 'Enter the address for an in-person interview.' });
      }
      if (value.format === 'VIDEO' && !value.meetingUrl) {
        ctx.addIssue({
          code: 'custom',
          path: ['meetingUrl'],
          message: 'Enter the meeting link for a video interview.',
        });
      }
      if (value.format === 'PHONE' && !value.contactPhone) {
        ctx.addIssue({
          code: 'custom',
          path: ['contactPhone'],
          message: 'Enter the number to call (or that will call you) for a phone interview.',
        });
      }
    }),
  );

export type InterviewFormInput = z.input<typeof interviewFormSchema>;
export type InterviewFormValues = z.output<typeof interviewFormSchema>;

const INTERVIEW_LIST_VIEWS = ['upcoming', 'past', 'status'] as const;

/** List filters from the URL; unknown values fall back to defaults instead of failing. */
export const interviewListQuerySchema = z.object({
  view: z.catch(z.enum(INTERVIEW_LIST_VIEWS), 'upcoming'),
  status: z.catch(
    z.optional(z.enum(['SCHEDULED', 'COMPLETED', 'MISSED', 'RESCHEDULED', 'CANCELLED', 'WITHDRAWN'])),
    undefined,
  ),
  q: z.catch(z.optional(textSchema({ trim: true }).check(z.maxLength(100))), undefined),
  cursor: z.catch(z.optional(textSchema().check(z.maxLength(200))), undefined),
});
export type InterviewListQuery = z.output<typeof interviewListQuerySchema>;

/** The employer moved the interview: the new day and time, in the interview's own time zone. */
export const rescheduleByEmployerSchema = z.object({
  date: z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the new date.'),
    z.refine((value) => isRealDate(value), IMPOSSIBLE_DATE_MESSAGE),
  ),
  time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the new time as HH:MM.')),
});

/** A prep checklist item's id; the server checks it names an item of this interview's list. */
export const prepItemIdSchema = z.string().check(
  z.minLength(1),
  z.maxLength(60),
  z.refine((value) => isCleanText(value), 'That checklist item does not exist.'),
);

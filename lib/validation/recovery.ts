// One set of schemas for the recovery forms (zodResolver) and their actions. Each `…Input` is what
// a form sends; each `…Values` is what the schema parsed it into, which the server functions take.
// Runtime enum values come from the generated enums module, which is plain constants and safe
// to ship to the browser.
import { z } from 'zod/mini';
import { CALL_RESPONSES } from '@/lib/domain/recovery-labels';
import { idSchema, textSchema } from './common';
import { recoveryLessonContentSchema } from './lessons';
import {
  listSecondChancePrepItems,
  SECOND_CHANCE_PREP_ITEMS,
  type SecondChancePrepItemId,
} from '@/lib/domain/prep-checklist';
import { isValidTimeZone, zonedLocalToUtc } from '@/lib/domain/time';
import { CallResult, IncidentKind, IncidentOutcome, MissReason, RecoveryState } from '@/lib/generated/prisma/enums';

import { MAX_BODY_LENGTH, MAX_EXPLANATION_LENGTH, MAX_SUBJECT_LENGTH, RESCHEDULE_ANSWERS } from './limits';

export { MAX_BODY_LENGTH, MAX_EXPLANATION_LENGTH, MAX_SUBJECT_LENGTH, RESCHEDULE_ANSWERS };

// The second-chance checklist (what to prepare before the rescheduled interview) is domain data;
// forms and the server import it from here.
export { listSecondChancePrepItems, SECOND_CHANCE_PREP_ITEMS, type SecondChancePrepItemId };
const prepItemIds = SECOND_CHANCE_PREP_ITEMS.map((item) => item.id) as [
  SecondChancePrepItemId,
  ...SecondChancePrepItemId[],
];

const LINE_BREAK = /[\r\n]/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const idempotencyKeySchema = z.uuid('This form is out of date. Reload the page and try again.');

/** Optional text that may arrive empty: '' reads as absent (optional in the parsed values too). */
const blankAsAbsent = <T extends z.core.$ZodType<string>>(schema: T) =>
  z.optional(
    z.pipe(
      schema,
      z.transform((value: z.output<T>) => (value ? value : undefined)),
    ),
  );

const optionalNote = (max: number, label: string) =>
  blankAsAbsent(
    textSchema({ multiLine: true, trim: true }).check(
      z.maxLength(max, `${label} is at most ${max.toLocaleString('en-GB')} characters.`),
    ),
  );

export const startRecoverySchema = z.object({
  interviewId: idSchema('interview'),
  // The candidate's side only: the employer's no-show has its own start.
  kind: z.enum([IncidentKind.MISSED, IncidentKind.RUNNING_LATE], {
    message: 'Choose whether you missed the interview or are running late.',
  }),
  reason: z.enum(MissReason, { message: 'Choose what happened.' }),
  explanation: blankAsAbsent(
    textSchema({ multiLine: true, trim: true }).check(
      z.maxLength(MAX_EXPLANATION_LENGTH, `Keep the explanation brief: ${MAX_EXPLANATION_LENGTH} characters at most.`),
    ),
  ),
  employerWarned: z.boolean({ message: 'Say whether the employer was warned.' }),
  idempotencyKey: idempotencyKeySchema,
});
export type StartRecoveryInput = z.input<typeof startRecoverySchema>;
export type StartRecoveryValues = z.output<typeof startRecoverySchema>;

const recordCallFields = z.object({
  incidentId: idSchema('incident'),
  result: z.enum(CallResult, { message: 'Choose whether you reached them, left a voicemail or got no answer.' }),
  response: z._default(z.enum(CALL_RESPONSES, { message: 'Choose what they said.' }), 'NONE'),
  note: optionalNote(1000, 'A note'),
});

export const recordCallSchema = z.pipe(
  recordCallFields,
  // What they said only exists when someone answered; a response left selected from an earlier
  // choice in the form must not be stored against a voicemail.
  z.transform((value: z.output<typeof recordCallFields>) =>
    value.result === 'REACHED' ? value : { ...value, response: 'NONE' as const },
  ),
);
export type RecordCallInput = z.input<typeof recordCallSchema>;
export type RecordCallValues = z.output<typeof recordCallSchema>;

const subjectLine = z.pipe(
  z
    .string()
    .check(z.refine((value) => !LINE_BREAK.test(value), 'The subject must be a single line, without line breaks.')),
  textSchema().check(z.maxLength(MAX_SUBJECT_LENGTH, `A subject is at most ${MAX_SUBJECT_LENGTH} characters.`)),
);

const recipientEmail = z.pipe(
  textSchema({ message: 'Enter the recipient’s email address.', trim: true }).check(
    z.minLength(1, 'Enter the recipient’s email address.'),
    z.maxLength(254, 'An email address is at most 254 characters.'),
  ),
  z.email('Enter a single valid email address for the recipient, like name@example.com.'),
);

// Autosave stores whatever is typed, half-finished text included; only what could never be sent
// (a line break in the subject, an impossible recipient) is refused here.
export const saveDraftSchema = z.object({
  messageId: idSchema('message'),
  subject: z.optional(subjectLine),
  body: textSchema({ multiLine: true }).check(
    z.maxLength(MAX_BODY_LENGTH, `A message is at most ${MAX_BODY_LENGTH.toLocaleString('en-GB')} characters.`),
  ),
  // Absent leaves the recipient as it is; '' clears it.
  recipient: z.optional(
    z.pipe(
      z.union([z.literal(''), recipientEmail]),
      z.transform((value: string) => (value === '' ? null : value)),
    ),
  ),
});
export type SaveDraftInput = z.input<typeof saveDraftSchema>;
export type SaveDraftValues = z.output<typeof saveDraftSchema>;

export const sendMessageSchema = z.object({
  messageId: idSchema('message'),
  recipient: recipientEmail,
  subject: z.pipe(subjectLine, z.string().check(z.trim(), z.minLength(1, 'Enter a subject.'))),
  body: textSchema({ multiLine: true, trim: true }).check(
    z.minLength(1, 'Write the message before sending it.'),
    z.maxLength(MAX_BODY_LENGTH, `A message is at most ${MAX_BODY_LENGTH.toLocaleString('en-GB')} characters.`),
  ),
  idempotencyKey: idempotencyKeySchema,
});
export type SendMessageInput = z.input<typeof sendMessageSchema>;
export type SendMessageValues = z.output<typeof sendMessageSchema>;

/** For the actions that only name the incident: approve the draft, finish prep, stop waiting… */
export const incidentRefSchema = z.object({ incidentId: idSchema('incident') });
export type IncidentRefInput = z.input<typeof incidentRefSchema>;
export type IncidentRefValues = z.output<typeof incidentRefSchema>;

/** For the actions that only name a message: confirm it was sent by hand, dismiss it… */
export const messageRefSchema = z.object({ messageId: idSchema('message') });
export type MessageRefInput = z.input<typeof messageRefSchema>;
export type MessageRefValues = z.output<typeof messageRefSchema>;

export const confirmManualSendSchema = messageRefSchema;
export type ConfirmManualSendInput = MessageRefInput;
export type ConfirmManualSendValues = MessageRefValues;

/** The instant a 'YYYY-MM-DDTHH:mm' wall time denotes in the zone, or null when either is unusable. */
export function readLocalStart(newStartLocal: string | undefined, timeZone: string | undefined): Date | null {
  if (!newStartLocal || !timeZone || !LOCAL_DATE_TIME.test(newStartLocal)) return null;
  try {
    return zonedLocalToUtc(newStartLocal, timeZone).instant;
  } catch {
    return null;
  }
}

export const recordOutcomeSchema = z
  .object({
    incidentId: idSchema('incident'),
    answer: z.enum(RESCHEDULE_ANSWERS, { message: 'Choose whether they agreed, declined or have not answered yet.' }),
    newStartLocal: z.optional(textSchema({ trim: true })),
    timeZone: z.optional(textSchema({ trim: true })),
    note: optionalNote(1000, 'A note'),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.answer !== 'ACCEPTED') return;
      if (!value.newStartLocal) {
        ctx.addIssue({ code: 'custom', path: ['newStartLocal'], message: 'Enter the new date and time they offered.' });
        return;
      }
      if (!LOCAL_DATE_TIME.test(value.newStartLocal)) {
        ctx.addIssue({
          code: 'custom',
          path: ['newStartLocal'],
          message: 'Enter the new time as a date and time (YYYY-MM-DD HH:MM).',
        });
        return;
      }
      if (!value.timeZone || !isValidTimeZone(value.timeZone)) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeZone'],
          message: 'Choose the time zone of the new interview, e.g. Europe/London.',
        });
        return;
      }
      const start = readLocalStart(value.newStartLocal, value.timeZone);
      if (!start) {
        ctx.addIssue({
          code: 'custom',
          path: ['newStartLocal'],
          message: 'That date does not exist. Check the day and month.',
        });
      } else if (start.getTime() <= Date.now()) {
        ctx.addIssue({
          code: 'custom',
          path: ['newStartLocal'],
          message: 'The new time is in the past. Check the date, the time and the time zone.',
        });
      }
    }),
  );
export type RecordOutcomeInput = z.input<typeof recordOutcomeSchema>;
export type RecordOutcomeValues = z.output<typeof recordOutcomeSchema>;

export const skipStepSchema = z.object({
  incidentId: idSchema('incident'),
  step: z.enum(
    Object.values(RecoveryState).filter(
      (state): state is Exclude<RecoveryState, 'CLOSED'> => state !== RecoveryState.CLOSED,
    ),
    { message: 'Choose the step to skip.' },
  ),
  reason: textSchema({ multiLine: true, message: 'Say why you are skipping this step.', trim: true }).check(
    z.minLength(1, 'Say why you are skipping this step.'),
    z.maxLength(500, 'Keep the reason to 500 characters at most.'),
  ),
});
export type SkipStepInput = z.input<typeof skipStepSchema>;
export type SkipStepValues = z.output<typeof skipStepSchema>;

export const prepChecklistTickSchema = z
  .object({
    incidentId: z.optional(idSchema('incident')),
    interviewId: z.optional(idSchema('interview')),
    itemId: z.enum(prepItemIds, { message: 'That is not an item of the preparation checklist.' }),
    checked: z.boolean({ message: 'Say whether the item is ticked.' }),
  })
  .check(
    z.refine((value) => Boolean(value.incidentId) !== Boolean(value.interviewId), {
      path: ['interviewId'],
      message: 'Say which interview the checklist belongs to.',
    }),
  );
export type PrepChecklistTickInput = z.input<typeof prepChecklistTickSchema>;
export type PrepChecklistTickValues = z.output<typeof prepChecklistTickSchema>;

export const saveLessonSchema = z.extend(recoveryLessonContentSchema, {
  incidentId: idSchema('incident'),
  // Only used when the flow has not already settled the outcome (a skipped outcome step, say).
  outcome: z.optional(z.enum(IncidentOutcome, { message: 'Choose how it ended.' })),
});
export type SaveLessonInput = z.input<typeof saveLessonSchema>;
export type SaveLessonValues = z.output<typeof saveLessonSchema>;

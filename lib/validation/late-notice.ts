// The running-late notice: which interview, how late, and a key that makes a double tap one send.
import { z } from 'zod/mini';
import { idSchema } from './common';
import { LATE_MINUTE_CHOICES, isLateMinutes } from '@/lib/domain/late-notice';

const minutesLateSchema = z
  .number()
  .check(z.refine((value) => isLateMinutes(value), `Choose one of ${LATE_MINUTE_CHOICES.join(', ')} minutes.`));

const idempotencyKeySchema = z.uuid('This form is out of date. Reload the page and try again.');

export const sendLateNoticeSchema = z.object({
  interviewId: idSchema('interview'),
  minutesLate: minutesLateSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type SendLateNoticeInput = z.input<typeof sendLateNoticeSchema>;
export type SendLateNoticeValues = z.output<typeof sendLateNoticeSchema>;

/** "I texted them" / "I called them": the notice went out from the phone, the app only records it. */
export const recordLateNoticeSchema = z.object({
  interviewId: idSchema('interview'),
  minutesLate: minutesLateSchema,
  channel: z.enum(['TEXT', 'CALL']),
  idempotencyKey: idempotencyKeySchema,
});
export type RecordLateNoticeInput = z.input<typeof recordLateNoticeSchema>;
export type RecordLateNoticeValues = z.output<typeof recordLateNoticeSchema>;

export const arrivedLateSchema = z.object({ interviewId: idSchema('interview') });
export type ArrivedLateInput = z.input<typeof arrivedLateSchema>;

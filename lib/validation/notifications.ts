import { z } from 'zod/mini';
import { REMINDER_CHANNELS, REMINDER_KINDS } from '@/lib/domain/reminders';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOCK_MESSAGE = 'Enter a time like 18:00 (24-hour clock).';

const clockSchema = z.string().check(z.regex(CLOCK, CLOCK_MESSAGE));
const optionalClockSchema = z.string().check(z.refine((value) => value === '' || CLOCK.test(value), CLOCK_MESSAGE));

const channelChoiceSchema = z.object(
  Object.fromEntries(REMINDER_CHANNELS.map((channel) => [channel, z.boolean()])) as Record<
    (typeof REMINDER_CHANNELS)[number],
    z.ZodMiniBoolean
  >,
);

/** The preferences form, as the browser checks it and the action checks it again. */
export const notificationPreferencesSchema = z
  .object({
    allOff: z.boolean(),
    eveningBeforeTime: clockSchema,
    quietHoursStart: optionalClockSchema,
    quietHoursEnd: optionalClockSchema,
    channels: z.object(
      Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, channelChoiceSchema])) as Record<
        (typeof REMINDER_KINDS)[number],
        typeof channelChoiceSchema
      >,
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
      const start = value.quietHoursStart;
      const end = value.quietHoursEnd;
      if (start && !end)
        ctx.addIssue({
          code: 'custom',
          path: ['quietHoursEnd'],
          message: 'Enter when the quiet hours end, or clear both times.',
        });
      if (end && !start)
        ctx.addIssue({
          code: 'custom',
          path: ['quietHoursStart'],
          message: 'Enter when the quiet hours start, or clear both times.',
        });
      if (start && end && start === end)
        ctx.addIssue({
          code: 'custom',
          path: ['quietHoursEnd'],
          message: 'The quiet hours must end at a different time than they start.',
        });
    }),
  );

export type NotificationPreferencesInput = z.input<typeof notificationPreferencesSchema>;
export type NotificationPreferencesValues = z.output<typeof notificationPreferencesSchema>;

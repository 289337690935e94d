import { z } from 'zod/mini';
import { idSchema, textSchema } from './common';

export const STAGE_NAME_MAX = 40;
export const NO_REPLY_DAYS_MIN = 1;
export const NO_REPLY_DAYS_MAX = 365;

const NO_REPLY_DAYS_MESSAGE = `Enter a number of days from ${NO_REPLY_DAYS_MIN} to ${NO_REPLY_DAYS_MAX}, or leave it empty for never.`;

export const stageNameSchema = textSchema({ trim: true, message: 'Give the stage a name.' }).check(
  z.minLength(1, 'Give the stage a name.'),
  z.maxLength(STAGE_NAME_MAX, `A stage name is at most ${STAGE_NAME_MAX} characters.`),
);

/**
 * "No reply after N days", as the form's text box sends it: empty means the stage never counts
 * as silent (it waits on the candidate, like Saved or Offer); otherwise a whole number of days.
 */
export const noReplyDaysSchema = z.pipe(
  z.union([z.string(), z.number(), z.null()]),
  z.transform((value, ctx): number | null => {
    const text = value === null ? '' : String(value).trim();
    if (text === '') return null;
    const days = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
    if (!(days >= NO_REPLY_DAYS_MIN && days <= NO_REPLY_DAYS_MAX)) {
      ctx.issues.push({ code: 'custom', message: NO_REPLY_DAYS_MESSAGE, input: value });
      return null;
    }
    return days;
  }),
);

/** A stage's own settings: its name and, for an open stage, when silence counts. */
export const stageSettingsSchema = z.object({
  name: stageNameSchema,
  noReplyDays: noReplyDaysSchema,
});
export type StageSettingsInput = z.input<typeof stageSettingsSchema>;
export type StageSettingsValues = z.output<typeof stageSettingsSchema>;

export const STAGE_KIND_CHOICES = ['OPEN', 'CLOSED'] as const;

/** A new stage: where it goes is "after this stage", or at the very start when afterStageId is empty. */
export const addStageSchema = z.object({
  name: stageNameSchema,
  kind: z.enum(STAGE_KIND_CHOICES, { message: 'Choose whether the stage is open or closed.' }),
  afterStageId: z.union([z.literal(''), idSchema('stage')]),
  noReplyDays: noReplyDaysSchema,
});
export type AddStageInput = z.input<typeof addStageSchema>;
export type AddStageValues = z.output<typeof addStageSchema>;

export const updateStageSchema = z.object({ id: idSchema('stage'), values: stageSettingsSchema });

export const moveStageSchema = z.object({
  id: idSchema('stage'),
  direction: z.enum(['up', 'down'], { message: 'Choose up or down.' }),
});

/** Removing a stage; moveToStageId takes its applications along first (required while it holds any). */
export const removeStageSchema = z.object({
  id: idSchema('stage'),
  moveToStageId: z.optional(idSchema('stage')),
});
export type RemoveStageValues = z.output<typeof removeStageSchema>;

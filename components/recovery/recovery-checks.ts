import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from 'react-hook-form';
import { z } from 'zod/mini';
import { toFieldErrors } from '@/lib/validation/common';
import {
  recordCallSchema,
  recordOutcomeSchema,
  saveDraftSchema,
  saveLessonSchema,
  sendMessageSchema,
  skipStepSchema,
  startRecoverySchema,
} from '@/lib/validation/recovery';

// The recovery forms' checks, loaded on a form's first check rather than with the page, so zod
// and the schemas stay out of the first load. Everything here is imported statically: the
// bundler then keeps only the parts of zod these use.

export const recordCallResolver = zodResolver(recordCallSchema);
export const startRecoveryResolver = zodResolver(startRecoverySchema);
export { recordOutcomeSchema, saveDraftSchema, saveLessonSchema };

/** The first issue per path, or null when the input is valid. */
export async function findIssues(schema: z.core.$ZodType, input: unknown): Promise<Record<string, FieldError> | null> {
  const parsed = await z.safeParseAsync(schema, input);
  if (parsed.success) return null;
  const issues: Record<string, FieldError> = {};
  for (const issue of parsed.error.issues)
    issues[issue.path.join('.')] ??= { type: issue.code, message: issue.message };
  return issues;
}

/** Whether a draft's recipient is an address the server will keep. */
export function isSavableRecipient(recipient: string): boolean {
  return saveDraftSchema.shape.recipient.safeParse(recipient).success;
}

const readyToSendSchema = z.omit(sendMessageSchema, { idempotencyKey: true });

/** Field messages for a message about to be sent (its key is made only once the confirmation opens). */
export function checkReadyToSend(input: Record<string, unknown>): Record<string, string> | null {
  const parsed = readyToSendSchema.safeParse(input);
  return parsed.success ? null : toFieldErrors(parsed.error);
}

/** A skip's reason checked as the server will check it: the parsed input, or a message per field. */
export function checkSkipStep(
  input: unknown,
): { ok: true; data: z.output<typeof skipStepSchema> } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = skipStepSchema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: toFieldErrors(parsed.error) };
}

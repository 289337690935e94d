'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { toActionResult } from '@/lib/action-result';
import type { ActionResult } from '@/lib/errors';
import { regenerateCalendarFeedToken } from '@/lib/server/interview-exports';
import {
  changeInterviewStatus,
  createInterview,
  deleteInterview,
  rescheduleByEmployer,
  setPrepItem,
  updateInterview,
} from '@/lib/server/interviews';
import { requireUser } from '@/lib/session';
import { toFieldErrors } from '@/lib/validation/common';
import { interviewFormSchema } from '@/lib/validation/interview';

const idSchema = z.string().min(1).max(40);
const invalidInput = (error: z.ZodError): ActionResult<never> => ({
  ok: false,
  message: 'Check the highlighted fields.',
  fieldErrors: toFieldErrors(error),
});
const missing: ActionResult<never> = { ok: false, message: 'That interview does not exist.' };

function revalidateInterviews(id?: string) {
  revalidatePath('/dashboard');
  revalidatePath('/interviews');
  if (id) revalidatePath(`/interviews/${id}`);
}

export async function createInterviewAction(input: unknown): Promise<ActionResult<{ id: string; notice: string | null }>> {
  const user = await requireUser('/interviews/new');
  const parsed = interviewFormSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await toActionResult(() => createInterview(user.id, parsed.data));
  revalidateInterviews();
  return result.ok ? { ok: true, data: { id: result.data.id, notice: result.data.notice } } : result;
}

export async function updateInterviewAction(
  id: unknown,
  input: unknown,
  expectedUpdatedAt: unknown,
): Promise<ActionResult<{ notice: string | null }>> {
  const user = await requireUser('/interviews');
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return missing;
  const parsed = interviewFormSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const version = typeof expectedUpdatedAt === 'string' ? new Date(expectedUpdatedAt) : undefined;
  const result = await toActionResult(async () => {
    const { notice } = await updateInterview(user.id, parsedId.data, parsed.data, version && !Number.isNaN(version.getTime()) ? version : undefined);
    return { notice };
  });
  if (!result.ok && result.message === 'That interview does not exist.') {
    return { ok: false, message: 'This interview was deleted (perhaps in another tab), so there is nothing to save. What you typed is still in the form.' };
  }
  revalidateInterviews(parsedId.data);
  return result;
}

export async function deleteInterviewAction(id: unknown): Promise<ActionResult> {
  const user = await requireUser('/interviews');
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return missing;
  const result = await toActionResult(() => deleteInterview(user.id, parsedId.data));
  revalidateInterviews();
  return result.ok ? { ok: true, data: undefined } : result;
}

// Missed goes through the recovery flow, which records the incident with the status.
const statusSchema = z.enum(['COMPLETED', 'CANCELLED', 'WITHDRAWN']);

export async function changeInterviewStatusAction(id: unknown, status: unknown): Promise<ActionResult> {
  const user = await requireUser('/interviews');
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return missing;
  const parsedStatus = statusSchema.safeParse(status);
  if (!parsedStatus.success) return { ok: false, message: 'That status cannot be set here.' };
  const result = await toActionResult(() => changeInterviewStatus(user.id, parsedId.data, parsedStatus.data));
  revalidateInterviews(parsedId.data);
  return result.ok ? { ok: true, data: undefined } : result;
}

const rescheduleSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the new date.'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the new time as HH:MM.'),
});

export async function rescheduleByEmployerAction(id: unknown, input: unknown): Promise<ActionResult<{ id: string; notice: string | null }>> {
  const user = await requireUser('/interviews');
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return missing;
  const parsed = rescheduleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await toActionResult(() => rescheduleByEmployer(user.id, parsedId.data, parsed.data.date, parsed.data.time));
  revalidateInterviews(parsedId.data);
  return result;
}

export async function setPrepItemAction(id: unknown, itemId: unknown, checked: unknown): Promise<ActionResult> {
  const user = await requireUser('/interviews');
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return missing;
  const parsedItem = z.string().min(1).max(60).safeParse(itemId);
  if (!parsedItem.success || typeof checked !== 'boolean') return { ok: false, message: 'That checklist item does not apply to this interview.' };
  const result = await toActionResult(() => setPrepItem(user.id, parsedId.data, parsedItem.data, checked));
  revalidateInterviews(parsedId.data);
  return result.ok ? { ok: true, data: undefined } : result;
}

export async function regenerateCalendarFeedAction(): Promise<ActionResult> {
  const user = await requireUser('/interviews');
  await regenerateCalendarFeedToken(user.id);
  revalidatePath('/interviews');
  return { ok: true, data: undefined };
}

'use server';

import { revalidatePath } from 'next/cache';
import { NotFoundError, ValidationError, type ActionResult } from '@/lib/errors';
import { createLesson, markLessonReviewed, retirePreventionAction, updateLesson } from '@/lib/server/lessons';
import { requireUser } from '@/lib/session';
import { toFieldErrors } from '@/lib/validation/common';
import { lessonFormSchema, recordIdSchema } from '@/lib/validation/lessons';

// Glue only: require the user, parse, call lib/server/lessons, revalidate, answer.

function toFailure(error: unknown): ActionResult<never> {
  if (error instanceof NotFoundError) return { ok: false, message: error.message };
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  throw error;
}

/** A malformed id cannot be one of the user's records: answer like a missing one. */
function parseId(value: unknown, what: string): { ok: true; id: string } | { ok: false; result: ActionResult<never> } {
  const parsed = recordIdSchema.safeParse(value);
  return parsed.success ? { ok: true, id: parsed.data } : { ok: false, result: { ok: false, message: new NotFoundError(what).message } };
}

function revalidateLessons(): void {
  revalidatePath('/lessons', 'layout');
  // The dashboard shows how many lessons are due; interview pages show prevention hints.
  revalidatePath('/dashboard');
  revalidatePath('/interviews', 'layout');
}

export async function createLessonAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const user = await requireUser('/lessons/new');
  const parsed = lessonFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Check the highlighted fields.', fieldErrors: toFieldErrors(parsed.error) };
  try {
    const lesson = await createLesson(user.id, parsed.data);
    revalidateLessons();
    return { ok: true, data: lesson };
  } catch (error) {
    return toFailure(error);
  }
}

export async function updateLessonAction(lessonId: unknown, input: unknown): Promise<ActionResult> {
  const user = await requireUser('/lessons');
  const id = parseId(lessonId, 'lesson');
  if (!id.ok) return id.result;
  const parsed = lessonFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Check the highlighted fields.', fieldErrors: toFieldErrors(parsed.error) };
  try {
    await updateLesson(user.id, id.id, parsed.data);
    revalidateLessons();
    return { ok: true, data: undefined };
  } catch (error) {
    return toFailure(error);
  }
}

export async function markLessonReviewedAction(lessonId: unknown): Promise<ActionResult> {
  const user = await requireUser('/lessons/review');
  const id = parseId(lessonId, 'lesson');
  if (!id.ok) return id.result;
  try {
    await markLessonReviewed(user.id, id.id);
    revalidateLessons();
    return { ok: true, data: undefined };
  } catch (error) {
    return toFailure(error);
  }
}

export async function retirePreventionActionAction(actionId: unknown): Promise<ActionResult> {
  const user = await requireUser('/lessons/review');
  const id = parseId(actionId, 'prevention action');
  if (!id.ok) return id.result;
  try {
    await retirePreventionAction(user.id, id.id);
    revalidateLessons();
    return { ok: true, data: undefined };
  } catch (error) {
    return toFailure(error);
  }
}

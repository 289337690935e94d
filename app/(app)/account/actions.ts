'use server';

import { revalidatePath } from 'next/cache';
import { ValidationError, type ActionResult } from '@/lib/errors';
import { changePassword, deleteAccount, updateProfile } from '@/lib/server/accounts';
import { requireUser } from '@/lib/session';
import { changePasswordSchema, deleteAccountSchema, profileSchema } from '@/lib/validation/auth';
import { toFieldErrors } from '@/lib/validation/common';

const invalid = (error: Parameters<typeof toFieldErrors>[0]): ActionResult<never> => ({
  ok: false,
  message: 'Check the highlighted fields.',
  fieldErrors: toFieldErrors(error),
});

function toFailure(error: unknown): ActionResult<never> {
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  throw error;
}

export async function updateProfileAction(input: unknown): Promise<ActionResult> {
  const user = await requireUser('/account');
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  await updateProfile(user.id, parsed.data);
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined };
}

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  const user = await requireUser('/account');
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await changePassword(user.id, parsed.data.currentPassword, parsed.data.newPassword);
    return { ok: true, data: undefined };
  } catch (error) {
    return toFailure(error);
  }
}

export async function deleteAccountAction(input: unknown): Promise<ActionResult> {
  const user = await requireUser('/account');
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await deleteAccount(user.id, parsed.data.confirmEmail);
    return { ok: true, data: undefined };
  } catch (error) {
    return toFailure(error);
  }
}

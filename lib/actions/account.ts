'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/client';
import { changePassword, deleteAccount, updateProfile } from '@/lib/server/accounts';
import { changePasswordSchema, deleteAccountSchema, profileSchema } from '@/lib/validation/auth';

export const updateProfileAction = authedAction(
  profileSchema,
  async (values, { user }) => {
    await updateProfile(user.id, values);
  },
  {
  returnTo: '/account',
  // The name and the time zone show on every page.
    revalidate: () => revalidatePath('/', 'layout'),
  },
);

export const changePasswordAction = authedAction(
  changePasswordSchema,
  ({ currentPassword, newPassword }, { user }) => changePassword(user.id, currentPassword, newPassword),
  { returnTo: '/account' },
);

export const deleteAccountAction = authedAction(deleteAccountSchema, ({ confirmEmail }, { user }) => deleteAccount(user.id, confirmEmail), {
  returnTo: '/account',
});

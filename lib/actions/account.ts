'use server';

import { revalidatePath } from 'next/cache';
import { authedAction, noInput } from './client';
import { changePassword } from '@/lib/server/accounts/change-password';
import { deleteAccount } from '@/lib/server/accounts/delete-account';
import { updateProfile, updateTimeZone } from '@/lib/server/accounts/update-profile';
import { revokeAllSessions } from '@/lib/server/sessions/revoke-all-sessions';
import { revokeSession } from '@/lib/server/sessions/revoke-session';
import { changePasswordSchema, deleteAccountSchema, profileSchema, revokeSessionSchema, timeZoneUpdateSchema } from '@/lib/validation/auth';

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

export const updateTimeZoneAction = authedAction(
  timeZoneUpdateSchema,
  async ({ timeZone }, { user }) => {
    await updateTimeZone(user.id, timeZone);
  },
  { revalidate: () => revalidatePath('/', 'layout') },
);

export const changePasswordAction = authedAction(
  changePasswordSchema,
  ({ currentPassword, newPassword }, { user }) => changePassword(user.id, currentPassword, newPassword),
  { returnTo: '/account' },
);

export const deleteAccountAction = authedAction(deleteAccountSchema, ({ confirmEmail }, { user }) => deleteAccount(user.id, confirmEmail), {
  returnTo: '/account',
});

export const revokeSessionAction = authedAction(revokeSessionSchema, ({ id }, { user }) => revokeSession(user.id, id), {
  returnTo: '/account',
  revalidate: () => revalidatePath('/account'),
});

// Ends this session too: the caller then clears its cookie with signOutAction.
export const revokeAllSessionsAction = authedAction(noInput, (_input, { user }) => revokeAllSessions(user.id), { returnTo: '/account' });

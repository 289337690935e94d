'use server';

import { authedAction, noInput } from './client';
import { revalidateAccountPage, revalidateEveryPage } from './revalidate';
import { changePassword } from '@/lib/server/accounts/change-password';
import { deleteAccount } from '@/lib/server/accounts/delete-account';
import { updateProfile, updateTimeZone } from '@/lib/server/accounts/update-profile';
import { revokeAllSessions } from '@/lib/server/sessions/revoke-all-sessions';
import { revokeSession } from '@/lib/server/sessions/revoke-session';
import {
  changePasswordSchema,
  deleteAccountSchema,
  profileSchema,
  revokeSessionSchema,
  timeZoneUpdateSchema,
} from '@/lib/validation/auth';

export const updateProfileAction = authedAction(
  profileSchema,
  async (values, { user }) => {
    await updateProfile(user.id, values);
  },
  // The name and the time zone show on every page.
  { returnTo: '/account', revalidate: () => revalidateEveryPage() },
);

export const updateTimeZoneAction = authedAction(
  timeZoneUpdateSchema,
  async ({ timeZone }, { user }) => {
    await updateTimeZone(user.id, timeZone);
  },
  { revalidate: () => revalidateEveryPage() },
);

export const changePasswordAction = authedAction(
  changePasswordSchema,
  ({ currentPassword, newPassword }, { user }) => changePassword(user.id, currentPassword, newPassword),
  { returnTo: '/account' },
);

export const deleteAccountAction = authedAction(
  deleteAccountSchema,
  ({ confirmEmail }, { user }) => deleteAccount(user.id, confirmEmail),
  {
    returnTo: '/account',
  },
);

export const revokeSessionAction = authedAction(revokeSessionSchema, ({ id }, { user }) => revokeSession(user.id, id), {
  returnTo: '/account',
  revalidate: () => revalidateAccountPage(),
});

// Ends this session too: the caller then clears its cookie with signOutAction.
export const revokeAllSessionsAction = authedAction(noInput, (_input, { user }) => revokeAllSessions(user.id), {
  returnTo: '/account',
});

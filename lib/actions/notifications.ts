'use server';

import { z } from 'zod';
import { authedAction, noInput } from './client';
import { revalidateInterviewPages, revalidateNotificationList, revalidateNotificationPages } from './revalidate';
import { confirmCheckIn } from '@/lib/server/notifications/check-in-link';
import { markNotificationsRead } from '@/lib/server/notifications/list-notifications';
import { savePreferences } from '@/lib/server/notifications/preferences-form';
import { notificationPreferencesSchema } from '@/lib/validation/notifications';

export const saveNotificationPreferencesAction = authedAction(
  notificationPreferencesSchema,
  async (values, { user }) => {
    await savePreferences(user.id, values);
  },
  { returnTo: '/notifications/preferences', revalidate: () => revalidateNotificationPages() },
);

export const markNotificationsReadAction = authedAction(
  noInput,
  async (_input, { user }) => ({ marked: await markNotificationsRead(user.id) }),
  { returnTo: '/notifications', revalidate: () => revalidateNotificationList() },
);

export const confirmCheckInAction = authedAction(
  z.object({
    token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'This check-in link does not exist.'),
    answer: z.enum(['happened', 'missed']),
  }),
  async ({ token, answer }, { user }) => confirmCheckIn(user.id, token, answer),
  {
    returnTo: '/dashboard',
    revalidate: () => {
      revalidateInterviewPages();
      revalidateNotificationList();
    },
  },
);

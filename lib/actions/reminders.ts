'use server';

import { z } from 'zod';
import { authedAction } from './client';
import { revalidateInterviewPages } from './revalidate';
import {
  addHourBeforeReminder,
  silenceInterviewReminder,
  unsilenceInterviewReminder,
} from '@/lib/server/reminders/interview-reminder-choices';
import { idSchema } from '@/lib/validation/common';

const revalidate = () => revalidateInterviewPages();

export const silenceReminderAction = authedAction(
  z.object({ reminderId: idSchema('reminder') }),
  async ({ reminderId }, { user }) => {
    await silenceInterviewReminder(user.id, reminderId);
  },
  { returnTo: '/interviews', revalidate },
);

export const unsilenceReminderAction = authedAction(
  z.object({ reminderId: idSchema('reminder') }),
  async ({ reminderId }, { user }) => {
    await unsilenceInterviewReminder(user.id, reminderId);
  },
  { returnTo: '/interviews', revalidate },
);

export const addHourBeforeReminderAction = authedAction(
  z.object({ id: idSchema('interview') }),
  async ({ id }, { user }) => {
    await addHourBeforeReminder(user.id, id);
  },
  { returnTo: '/interviews', revalidate },
);

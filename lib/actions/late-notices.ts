'use server';

// "I'll be N minutes late": the email the app sends, and the text or call the user made themselves.
import { authedAction, type ActionOptions } from './client';
import { revalidateInterviewPages } from './revalidate';
import { recordArrivedLate } from '@/lib/server/late-notices/record-arrived-late';
import { recordLateNotice } from '@/lib/server/late-notices/record-late-notice';
import { sendLateNotice } from '@/lib/server/late-notices/send-late-notice';
import { arrivedLateSchema, recordLateNoticeSchema, sendLateNoticeSchema } from '@/lib/validation/late-notice';

const refresh: ActionOptions<unknown, unknown> = { revalidate: () => revalidateInterviewPages() };

export const sendLateNoticeAction = authedAction(
  sendLateNoticeSchema,
  (values, { user }) => sendLateNotice(user.id, values),
  refresh,
);

export const recordLateNoticeAction = authedAction(
  recordLateNoticeSchema,
  (values, { user }) => recordLateNotice(user.id, values),
  refresh,
);

/** The check-in's "Made it, late". */
export const recordArrivedLateAction = authedAction(
  arrivedLateSchema,
  (values, { user }) => recordArrivedLate(user.id, values.interviewId),
  refresh,
);

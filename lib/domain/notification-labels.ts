// Words for reminder kinds, channels and delivery outcomes, shared by the preferences form and
// the notifications page.
import type { ReminderChannel, ReminderKind } from './reminders';

export const REMINDER_KIND_LABELS: Record<ReminderKind, { label: string; hint: string }> = {
  EVENING_BEFORE: {
    label: 'The evening before',
    hint: 'Time in both zones, how to get there, the contact, and a confirmation to send.',
  },
  LEAVE_BY: {
    label: 'Time to leave',
    hint: '15 minutes before leave-by in person; 30 minutes before a video or phone call.',
  },
  EXTRA: { label: 'Extra reminder from a lesson', hint: 'Two hours before, when a lesson asks for one.' },
  CHECK_IN: { label: 'Check-in afterwards', hint: 'Two hours after the slot: did it happen?' },
  FOLLOW_UP_DUE: { label: 'No answer from the employer', hint: 'After three business days, a follow-up is ready.' },
  THANK_YOU_UNSENT: { label: 'Thank-you still unsent', hint: 'A day after their answer.' },
  LESSON_REVIEW: { label: 'Lessons to look over', hint: 'The day before the next interview.' },
  NO_REPLY_NUDGE: {
    label: 'An application has gone quiet',
    hint: "Past the stage's no-reply threshold: a polite follow-up is drafted for you.",
  },
  GHOSTED_SUGGESTION: {
    label: 'Still quiet: mark it Ghosted?',
    hint: 'After a second period with no reply; only you can move it.',
  },
};

export const REMINDER_CHANNEL_LABELS: Record<ReminderChannel, string> = {
  EMAIL: 'Email',
  PUSH: 'Push',
  IN_APP: 'In the app',
};

export const DELIVERY_STATE_LABELS: Record<string, string> = {
  PENDING: 'waiting',
  SENDING: 'sending',
  SENT: 'sent',
  SKIPPED: 'not sent',
  FAILED: 'failed',
};

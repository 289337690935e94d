// The "Reminders" section of the interview page: which of the interview's reminder rows the user
// sees and how each is named. Pure: the rows and the interview come in as arguments.
//
// Decisions:
// - Only the rows of the interview's current time are listed (the dedupe key ends with the start):
//   a reminder sent for a time the interview has since left is history, not "what will remind me".
// - A silenced reminder stays listed as silenced (its cancelled row), so the user sees what they
//   turned off; a row cancelled for any other reason is not listed.
// - A silenced reminder can be turned back on while its moment is still ahead and the interview
//   is still scheduled; after that there is nothing left for it to do.
import { HOUR_BEFORE_LEAD_MINUTES, REMINDER_CHANNELS, reminderSlot, type ReminderChannel } from './reminders';

export type InterviewReminderRow = {
  id: string;
  kind: string;
  dedupeKey: string;
  dueAt: Date;
  channels: readonly string[];
  state: 'SCHEDULED' | 'QUEUED' | 'SENT' | 'SKIPPED' | 'FAILED' | 'CANCELLED';
  sentAt: Date | null;
};

export type InterviewReminderStatus = 'upcoming' | 'sending' | 'sent' | 'failed' | 'skipped' | 'silenced';

export type InterviewReminderItem = {
  id: string;
  label: string;
  dueAt: Date;
  sentAt: Date | null;
  channels: ReminderChannel[];
  status: InterviewReminderStatus;
  canTurnBackOn: boolean;
};

const SLOT_LABELS: Record<string, string> = {
  'evening-before': 'The evening before',
  'leave-by': 'Time to get going',
  extra: 'Extra reminder from a lesson',
  'hour-before': 'An hour before',
  'check-in': 'Did it happen? (check-in)',
  'lesson-review': 'Your lessons, once more before it',
};

export const REMINDER_CHANNEL_LABELS: Readonly<Record<ReminderChannel, string>> = {
  EMAIL: 'email',
  PUSH: 'push',
  IN_APP: 'in the app',
};

const STATUS_BY_STATE: Record<InterviewReminderRow['state'], InterviewReminderStatus> = {
  SCHEDULED: 'upcoming',
  QUEUED: 'sending',
  SENT: 'sent',
  FAILED: 'failed',
  SKIPPED: 'skipped',
  CANCELLED: 'silenced',
};

const isChannel = (channel: string): channel is ReminderChannel =>
  (REMINDER_CHANNELS as readonly string[]).includes(channel);

/** The reminders of the interview at its current time, in the order they go out. */
export function listInterviewReminders(
  interview: { scheduledStart: Date; silencedReminders: readonly string[]; status: string },
  rows: readonly InterviewReminderRow[],
  now: Date,
): InterviewReminderItem[] {
  const suffix = `:${interview.scheduledStart.toISOString()}`;
  const silenced = new Set(interview.silencedReminders);
  return rows
    .filter((row) => row.dedupeKey.endsWith(suffix))
    .filter((row) => row.state !== 'CANCELLED' || silenced.has(reminderSlot(row.dedupeKey)))
    .map((row) => ({
      id: row.id,
      label: SLOT_LABELS[reminderSlot(row.dedupeKey)] ?? 'Reminder',
      dueAt: row.dueAt,
      sentAt: row.sentAt,
      channels: row.channels.filter(isChannel),
      status: STATUS_BY_STATE[row.state],
      canTurnBackOn:
        row.state === 'CANCELLED' && interview.status === 'SCHEDULED' && row.dueAt.getTime() > now.getTime(),
    }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
}

/** Whether "remind me again an hour before" can still be offered. */
export function canAddHourBefore(scheduledStart: Date, now: Date): boolean {
  return scheduledStart.getTime() - HOUR_BEFORE_LEAD_MINUTES * 60_000 > now.getTime();
}

import { ReminderChoiceButton } from './reminder-choice-button';
import { Card } from '@/components/ui/card';
import {
  REMINDER_CHANNEL_LABELS,
  type InterviewReminderItem,
  type InterviewReminderStatus,
} from '@/lib/domain/interview-reminder-list';
import { formatInBothZones } from '@/lib/domain/reminders-content';

const STATUS_LABELS: Record<Exclude<InterviewReminderStatus, 'upcoming'>, string> = {
  sending: 'Being sent',
  sent: 'Sent',
  failed: 'Could not be sent',
  skipped: 'Skipped: its moment passed',
  silenced: 'Silenced',
};

/**
 * What will remind the user of this interview and when, in the interview's zone and theirs, on
 * which channels; each upcoming one can be silenced (and turned back on while its moment is still
 * ahead), and one more can be asked for an hour before.
 */
export function InterviewRemindersSection({
  interviewId,
  reminders,
  interviewTimeZone,
  userTimeZone,
  offerHourBefore,
}: {
  interviewId: string;
  reminders: readonly InterviewReminderItem[];
  interviewTimeZone: string;
  userTimeZone: string;
  offerHourBefore: boolean;
}) {
  return (
    <Card title="Reminders">
      {reminders.length === 0 ? (
        <p className="text-sm text-slate-600">No reminders are planned for this interview.</p>
      ) : (
        <ul className="space-y-3">
          {reminders.map((reminder) => (
            <li key={reminder.id} className="flex flex-wrap items-start justify-between gap-2 text-sm">
              <div>
                <p className="font-medium text-slate-900">
                  {reminder.label}
                  {reminder.status === 'upcoming' ? null : (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">
                      {STATUS_LABELS[reminder.status]}
                    </span>
                  )}
                </p>
                <p className="text-slate-700">
                  <time dateTime={(reminder.sentAt ?? reminder.dueAt).toISOString()}>
                    {formatInBothZones(reminder.sentAt ?? reminder.dueAt, interviewTimeZone, userTimeZone)}
                  </time>
                </p>
                <p className="text-slate-500">
                  By {reminder.channels.map((channel) => REMINDER_CHANNEL_LABELS[channel]).join(', ')}
                </p>
              </div>
              {reminder.status === 'upcoming' ? (
                <ReminderChoiceButton choice={{ kind: 'silence', reminderId: reminder.id }} label={reminder.label} />
              ) : reminder.canTurnBackOn ? (
                <ReminderChoiceButton
                  choice={{ kind: 'turn-back-on', reminderId: reminder.id }}
                  label={reminder.label}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {offerHourBefore ? (
        <div className="mt-4">
          <ReminderChoiceButton choice={{ kind: 'hour-before', interviewId }} />
        </div>
      ) : null}
    </Card>
  );
}

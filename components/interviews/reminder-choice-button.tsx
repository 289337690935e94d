'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { addHourBeforeReminderAction, silenceReminderAction } from '@/lib/actions/reminders';

type Choice = { kind: 'silence'; reminderId: string } | { kind: 'hour-before'; interviewId: string };

/** "Silence" on one upcoming reminder, or "Remind me again an hour before" for the interview. */
export function ReminderChoiceButton({ choice, label }: { choice: Choice; label?: string }) {
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const silence = useAction(silenceReminderAction, { onSuccess });
  const hourBefore = useAction(addHourBeforeReminderAction, { onSuccess });
  const running = choice.kind === 'silence' ? silence : hourBefore;
  const run = () =>
    void (choice.kind === 'silence'
      ? silence.execute({ reminderId: choice.reminderId })
      : hourBefore.execute({ id: choice.interviewId }));
  return (
    <div className="space-y-2">
      {running.error ? <Alert tone="error">{running.error}</Alert> : null}
      <Button
        type="button"
        variant="secondary"
        pending={running.isPending}
        onClick={run}
        aria-label={choice.kind === 'silence' && label ? `Silence: ${label}` : undefined}
      >
        {choice.kind === 'silence' ? 'Silence' : 'Remind me again an hour before'}
      </Button>
    </div>
  );
}

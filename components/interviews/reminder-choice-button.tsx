'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { addHourBeforeReminderAction, silenceReminderAction, unsilenceReminderAction } from '@/lib/actions/reminders';

type Choice =
  | { kind: 'silence'; reminderId: string }
  | { kind: 'turn-back-on'; reminderId: string }
  | { kind: 'hour-before'; interviewId: string };

const BUTTON_TEXT: Record<Choice['kind'], string> = {
  silence: 'Silence',
  'turn-back-on': 'Turn back on',
  'hour-before': 'Remind me again an hour before',
};

/** "Silence" or "Turn back on" for one reminder, or "Remind me again an hour before" for the interview. */
export function ReminderChoiceButton({ choice, label }: { choice: Choice; label?: string }) {
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const silence = useAction(silenceReminderAction, { onSuccess });
  const turnBackOn = useAction(unsilenceReminderAction, { onSuccess });
  const hourBefore = useAction(addHourBeforeReminderAction, { onSuccess });
  const running = choice.kind === 'silence' ? silence : choice.kind === 'turn-back-on' ? turnBackOn : hourBefore;
  const run = () =>
    void (choice.kind === 'hour-before'
      ? hourBefore.execute({ id: choice.interviewId })
      : (choice.kind === 'silence' ? silence : turnBackOn).execute({ reminderId: choice.reminderId }));
  const text = BUTTON_TEXT[choice.kind];
  return (
    <div className="space-y-2">
      {running.error ? <Alert tone="error">{running.error}</Alert> : null}
      <Button
        type="button"
        variant="secondary"
        pending={running.isPending}
        onClick={run}
        aria-label={choice.kind !== 'hour-before' && label ? `${text}: ${label}` : undefined}
      >
        {text}
      </Button>
    </div>
  );
}

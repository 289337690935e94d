'use client';

import { useAction } from '@/components/forms/use-action';
import { dismissMessageAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** "I will not send it": the draft stops asking to be sent, and stays in the history. */
export function DismissMessageButton({
  messageId,
  label = 'I will not send it',
  name,
}: {
  messageId: string;
  label?: string;
  name?: string;
}) {
  const action = useAction(dismissMessageAction);
  return (
    <div className="space-y-2">
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <Button
        variant="secondary"
        aria-label={action.isPending ? undefined : name}
        pending={action.isPending}
        onClick={() => void action.execute({ messageId })}
      >
        {action.isPending ? 'Saving…' : label}
      </Button>
    </div>
  );
}

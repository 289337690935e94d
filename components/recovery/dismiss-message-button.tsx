'use client';

import { dismissMessageAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useRecoveryAction } from './use-recovery-action';

/** "I will not send it": the draft stops asking to be sent, and stays in the history. */
export function DismissMessageButton({ messageId, label = 'I will not send it', name }: { messageId: string; label?: string; name?: string }) {
  const action = useRecoveryAction();
  return (
    <div className="space-y-2">
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <Button variant="secondary" aria-label={action.isPending ? undefined : name} pending={action.isPending} onClick={() => action.run(() => dismissMessageAction({ messageId }))}>
        {action.isPending ? 'Saving…' : label}
      </Button>
    </div>
  );
}

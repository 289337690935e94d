'use client';

import { recordAttendedLateAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useRecoveryAction } from './use-recovery-action';

/** The running-late flow's good ending: they still saw you, so there is nothing to reschedule. */
export function AttendedLateButton({ incidentId }: { incidentId: string }) {
  const action = useRecoveryAction();
  return (
    <div className="space-y-2">
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <Button variant="secondary" pending={action.isPending} onClick={() => action.run(() => recordAttendedLateAction({ incidentId }))}>
        {action.isPending ? 'Saving…' : 'I arrived late and they still saw me'}
      </Button>
    </div>
  );
}

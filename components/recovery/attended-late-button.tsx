'use client';

import { useAction } from '@/components/forms/use-action';
import { recordAttendedLateAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The running-late flow's good ending: they still saw you, so there is nothing to reschedule. */
export function AttendedLateButton({ incidentId }: { incidentId: string }) {
  const action = useAction(recordAttendedLateAction);
  return (
    <div className="space-y-2">
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <Button variant="secondary" pending={action.isPending} onClick={() => void action.execute({ incidentId })}>
        {action.isPending ? 'Saving…' : 'I arrived late and they still saw me'}
      </Button>
    </div>
  );
}

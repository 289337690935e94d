'use client';

import { useAction } from '@/components/forms/use-action';
import { draftFollowUpAction, stopWaitingAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
// Its own chunk: the editor and the send controls load only once there is a follow-up to edit.
import { MessageWorkspace } from './lazy-steps';
import type { EditableMessage, FollowUpView } from './types';

type Props = { incidentId: string; followUp: FollowUpView; draft: EditableMessage | null };

/** While no answer comes: wait, then one polite follow-up, then stop chasing and move on. */
export function FollowUpPanel({ incidentId, followUp, draft }: Props) {
  const draftFollowUp = useAction(draftFollowUpAction);
  const stopWaiting = useAction(stopWaitingAction);
  switch (followUp.status) {
    case 'WAITING':
      return (
        <p className="text-sm text-slate-700">
          Waiting for their answer. Give them time: if nothing comes, a single polite follow-up makes sense from{' '}
          <strong>{followUp.dueLabel}</strong>.
        </p>
      );
    case 'DUE':
      return (
        <div className="space-y-3">
          <Alert tone="info">{followUp.message}</Alert>
          {draft ? (
            <MessageWorkspace message={draft} idPrefix="follow-up" />
          ) : (
            <>
              {draftFollowUp.error ? <Alert tone="error">{draftFollowUp.error}</Alert> : null}
              <Button pending={draftFollowUp.isPending} onClick={() => void draftFollowUp.execute({ incidentId })}>
                {draftFollowUp.isPending ? 'Drafting…' : 'Draft a polite follow-up'}
              </Button>
            </>
          )}
        </div>
      );
    case 'DISCOURAGED':
      return (
        <div className="space-y-3">
          <Alert tone="info">{followUp.message}</Alert>
          {stopWaiting.error ? <Alert tone="error">{stopWaiting.error}</Alert> : null}
          <Button
            variant="secondary"
            pending={stopWaiting.isPending}
            onClick={() => void stopWaiting.execute({ incidentId })}
          >
            {stopWaiting.isPending ? 'Saving…' : 'Stop waiting'}
          </Button>
        </div>
      );
    default:
      return null;
  }
}

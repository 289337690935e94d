'use client';

import { useAction } from '@/components/forms/use-action';
import { approveDraftAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LiveChecklist } from './live-checklist';
import { MessageEditor } from './message-editor';
import type { EditableMessage } from './types';
import { useMessageEditor } from './use-message-editor';

/** The letter repeats the call in writing: edit it with the checklist beside it, then approve it. */
export function ApologyStep({ incidentId, message }: { incidentId: string; message: EditableMessage }) {
  const editor = useMessageEditor(message);
  const action = useAction(approveDraftAction);
  const approve = async () => {
    // The server approves the stored text, so what is on screen must be stored first.
    if (!(await editor.autosave.flush())) {
      action.setError(
        'Your latest changes are not saved yet, so the letter was not approved. Fix the problem shown below the text.',
      );
      return;
    }
    await action.execute({ incidentId });
  };
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Say sorry once and plainly, take responsibility, keep any reason to a sentence, ask to reschedule and thank
        them. Make it sound like you.
      </p>
      <MessageEditor editor={editor} idPrefix="apology" aside={<LiveChecklist text={editor.values.body ?? ''} />} />
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <Button pending={action.isPending} onClick={() => void approve()}>
        {action.isPending ? 'Saving…' : 'Looks good'}
      </Button>
    </div>
  );
}

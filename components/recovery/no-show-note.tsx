'use client';

import { MessageEditor } from './message-editor';
import { NoShowChecklist } from './no-show-checklist';
import { SendPanel } from './send-panel';
import type { EditableMessage } from './types';
import { useMessageEditor } from './use-message-editor';

type Props = { message: EditableMessage; scheduledStart: Date; timeZone: string };

/** The note to the contact while waiting: edited with its checklist beside it, sent like every email. */
export function NoShowNote({ message, scheduledStart, timeZone }: Props) {
  const editor = useMessageEditor(message);
  return (
    <div className="space-y-4">
      <MessageEditor
        editor={editor}
        idPrefix="no-show-note"
        aside={<NoShowChecklist text={editor.values.body ?? ''} scheduledStart={scheduledStart} timeZone={timeZone} />}
      />
      <SendPanel
        message={message}
        getValues={editor.getValues}
        flush={editor.autosave.flush}
        onInvalid={editor.showFieldErrors}
      />
    </div>
  );
}

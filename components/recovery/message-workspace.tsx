'use client';

import { useState } from 'react';
import { describeMessageStatus } from '@/lib/domain/recovery-labels';
import { MessageEditor } from './message-editor';
import { SendPanel } from './send-panel';
import type { DraftFields, EditableMessage } from './types';
import { useMessageEditor } from './use-message-editor';

type Props = { message: EditableMessage; idPrefix: string; isEditorOpen?: boolean };

/** One email from draft to sent: the editor (autosaved) and the send panel working on the same text. */
export function MessageWorkspace(props: Props) {
  if (props.message.status === 'SENT') return <SentMessage message={props.message} />;
  return <DraftWorkspace {...props} />;
}

function SentMessage({ message }: { message: EditableMessage }) {
  return (
    <div className="space-y-2 text-sm">
      <p className="font-medium text-green-800">
        {describeMessageStatus(message.status, message.delivery)}
        {message.recipient ? ` to ${message.recipient}` : ''}
        {message.sentLabel ? ` · ${message.sentLabel}` : ''}
      </p>
      <details>
        <summary className="cursor-pointer text-brand-700">Show what was sent</summary>
        <MessagePreview
          values={{ recipient: message.recipient ?? '', subject: message.subject ?? '', body: message.body }}
        />
      </details>
    </div>
  );
}

function DraftWorkspace({ message, idPrefix, isEditorOpen = true }: Props) {
  const editor = useMessageEditor(message);
  const [isOpen, setIsOpen] = useState(isEditorOpen);
  const [isConfirming, setIsConfirming] = useState(false);
  const values = editor.values;
  const showInvalid = (fieldErrors: Record<string, string>) => {
    setIsOpen(true);
    editor.showFieldErrors(fieldErrors);
  };
  return (
    <div className="space-y-4">
      {isOpen ? null : <MessagePreview values={values} />}
      <details open={isOpen} onToggle={(event) => setIsOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          {isOpen ? 'Hide the editor' : 'Edit the message'}
        </summary>
        <div className="mt-3">
          <MessageEditor editor={editor} idPrefix={idPrefix} isLocked={isConfirming} />
        </div>
      </details>
      <SendPanel
        message={message}
        getValues={editor.getValues}
        flush={editor.autosave.flush}
        onInvalid={showInvalid}
        onConfirming={setIsConfirming}
      />
    </div>
  );
}

function MessagePreview({ values }: { values: Partial<DraftFields> }) {
  return (
    <dl className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
      <div className="flex gap-2">
        <dt className="w-16 shrink-0 text-slate-500">To</dt>
        <dd>{values.recipient || <span className="text-red-700">No recipient yet</span>}</dd>
      </div>
      <div className="flex gap-2">
        <dt className="w-16 shrink-0 text-slate-500">Subject</dt>
        <dd>{values.subject}</dd>
      </div>
      <div>
        <dt className="sr-only">Message</dt>
        <dd tabIndex={0} className="max-h-64 overflow-y-auto whitespace-pre-wrap border-t border-slate-200 pt-2">
          {values.body}
        </dd>
      </div>
    </dl>
  );
}

'use client';

import type { ReactNode } from 'react';
import { describedBy, Field, Input, Textarea } from '@/components/ui/form';
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '@/lib/validation/limits';
import { describeAutosave } from './use-autosave';
import type { DraftField, MessageEditorState } from './use-message-editor';

/** `aside`: shown beside the fields (the apology's checklist, which only the apology step imports). */
type Props = { editor: MessageEditorState; idPrefix: string; aside?: ReactNode; isLocked?: boolean };

/** Recipient, subject and body with the autosave status; the apology gets its checklist beside it. */
export function MessageEditor({ editor, idPrefix, aside, isLocked = false }: Props) {
  const { values, errors, autosave } = editor;
  const ids = { recipient: `${idPrefix}-recipient`, subject: `${idPrefix}-subject`, body: `${idPrefix}-body` };
  // Controlled, so the latest saved text is in the server HTML too and shows before the page hydrates.
  const control = (field: DraftField) => ({
    id: ids[field],
    name: field,
    value: values[field],
    readOnly: isLocked,
    onChange: (event: { currentTarget: { value: string } }) => editor.change(field, event.currentTarget.value),
    onBlur: () => {
      void editor.check(field);
      void autosave.flush();
    },
    ...describedBy(ids[field], errors[field]),
  });
  const status = autosave.status;
  return (
    <div className={aside ? 'grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]' : ''}>
      <div className="space-y-4">
        <Field id={ids.recipient} label="To" error={errors.recipient}>
          <Input type="email" autoComplete="off" {...control('recipient')} />
        </Field>
        <Field
          id={ids.subject}
          label="Subject"
          error={errors.subject}
          hint={`One line, up to ${MAX_SUBJECT_LENGTH} characters.`}
        >
          <Input {...control('subject')} />
        </Field>
        <Field
          id={ids.body}
          label="Message"
          error={errors.body}
          hint={`Up to ${MAX_BODY_LENGTH.toLocaleString('en-GB')} characters; short reads as sincere.`}
        >
          <Textarea rows={14} {...control('body')} />
        </Field>
        <p
          role="status"
          aria-live="polite"
          className={`text-xs ${status.state === 'error' ? 'text-red-700' : 'text-slate-500'}`}
        >
          {describeAutosave(status)}
        </p>
      </div>
      {aside}
    </div>
  );
}

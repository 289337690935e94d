'use client';

import type { ReactNode } from 'react';
import { describedBy, Field, Input, Textarea } from '@/components/ui/form';
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '@/lib/validation/limits';
import { describeAutosave } from './use-autosave';
import type { DraftFields } from './types';
import type { MessageEditorState } from './use-message-editor';

/** `aside`: shown beside the fields (the apology's checklist, which only the apology step imports). */
type Props = { editor: MessageEditorState; idPrefix: string; aside?: ReactNode; isLocked?: boolean };

/** Recipient, subject and body with the autosave status; the apology gets its checklist beside it. */
export function MessageEditor({ editor, idPrefix, aside, isLocked = false }: Props) {
  const { form, autosave } = editor;
  const { errors } = form.formState;
  // Typing clears the field's error at once and leaving the field checks it again. Clearing it only
  // on blur would move the buttons below while the user is clicking one of them.
  const fieldOptions = (name: keyof DraftFields) => ({
    onBlur: () => void autosave.flush(),
    onChange: () => {
      if (form.formState.errors[name]) form.clearErrors(name);
    },
  });
  const ids = { recipient: `${idPrefix}-recipient`, subject: `${idPrefix}-subject`, body: `${idPrefix}-body` };
  const status = autosave.status;
  // Rendered into the server HTML too, so the latest saved text shows before the page hydrates.
  const defaults = form.formState.defaultValues ?? {};
  return (
    <div className={aside ? 'grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]' : ''}>
      <div className="space-y-4">
        <Field id={ids.recipient} label="To" error={errors.recipient?.message}>
          <Input
            id={ids.recipient}
            type="email"
            autoComplete="off"
            readOnly={isLocked}
            defaultValue={defaults.recipient}
            {...describedBy(ids.recipient, errors.recipient?.message)}
            {...form.register('recipient', fieldOptions('recipient'))}
          />
        </Field>
        <Field id={ids.subject} label="Subject" error={errors.subject?.message} hint={`One line, up to ${MAX_SUBJECT_LENGTH} characters.`}>
          <Input id={ids.subject} readOnly={isLocked} defaultValue={defaults.subject} {...describedBy(ids.subject, errors.subject?.message)} {...form.register('subject', fieldOptions('subject'))} />
        </Field>
        <Field
          id={ids.body}
          label="Message"
          error={errors.body?.message}
          hint={`Up to ${MAX_BODY_LENGTH.toLocaleString('en-GB')} characters; short reads as sincere.`}
        >
          <Textarea id={ids.body} rows={14} readOnly={isLocked} defaultValue={defaults.body} {...describedBy(ids.body, errors.body?.message)} {...form.register('body', fieldOptions('body'))} />
        </Field>
        <p role="status" aria-live="polite" className={`text-xs ${status.state === 'error' ? 'text-red-700' : 'text-slate-500'}`}>
          {describeAutosave(status)}
        </p>
      </div>
      {aside}
    </div>
  );
}

'use client';

import { useForm, useWatch } from 'react-hook-form';
import { saveDraftAction } from '@/lib/actions/incidents';
import { schemaResolver } from './schema-resolver';
import type { DraftFields, EditableMessage } from './types';
import { useAutosave, type SaveOutcome } from './use-autosave';
import { setServerErrors } from '@/components/ui/server-errors';

const loadSaveDraftSchema = () => import('./recovery-checks').then((module) => module.saveDraftSchema);

/**
 * The form behind a message editor: react-hook-form validated with the autosave schema, and
 * autosave of whatever is typed. A recipient that is not an address yet does not hold back the
 * text: the subject and body are saved and the address waits until it is valid.
 */
export function useMessageEditor(message: EditableMessage) {
  const form = useForm<DraftFields>({
    resolver: schemaResolver(loadSaveDraftSchema, (values: DraftFields) => ({ messageId: message.id, ...values })),
    defaultValues: { recipient: message.recipient ?? '', subject: message.subject ?? '', body: message.body },
    mode: 'onBlur',
  });
  const values = useWatch({ control: form.control }) as DraftFields;

  const save = async (current: DraftFields): Promise<SaveOutcome> => {
    const isRecipientValid = (await import('./recovery-checks')).isSavableRecipient(current.recipient);
    const result = await saveDraftAction({
      messageId: message.id,
      subject: current.subject,
      body: current.body,
      ...(isRecipientValid ? { recipient: current.recipient } : {}),
    });
    if (!result.ok) {
      setServerErrors(form.setError, result.fieldErrors, (field) => (field in current ? field : null));
      return { ok: false, message: result.message };
    }
    return {
      ok: true,
      savedAt: new Date(result.data.savedAt),
      note: isRecipientValid ? undefined : 'the recipient is not a valid address yet, so it was not saved',
    };
  };

  const autosave = useAutosave(values, save);
  return { form, values, autosave };
}

export type MessageEditorState = ReturnType<typeof useMessageEditor>;

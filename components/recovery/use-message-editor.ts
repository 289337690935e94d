'use client';

import { useEffect, useRef, useState } from 'react';
import { saveDraftAction } from '@/lib/actions/incidents';
import type { DraftFields, EditableMessage } from './types';
import { useAutosave, type SaveOutcome } from './use-autosave';

export type DraftField = keyof DraftFields;
export type DraftErrors = Partial<Record<DraftField, string>>;

// The schema and zod load on the first check, not with the page.
const loadChecks = () => import('./recovery-checks');

const isDraftField = (field: string, values: DraftFields): field is DraftField => field in values;

/**
 * The state behind a message editor: the three fields, each field's error, and autosave of
 * whatever is typed. Leaving a field checks it with the autosave schema. A recipient that is not
 * an address yet does not hold back the text: the subject and body are saved and the address
 * waits until it is valid.
 */
export function useMessageEditor(message: EditableMessage) {
  const [values, setValues] = useState<DraftFields>(() => ({
    recipient: message.recipient ?? '',
    subject: message.subject ?? '',
    body: message.body,
  }));
  const [errors, setErrors] = useState<DraftErrors>({});
  // What is typed right now, for checks and sends that run between renders.
  const latest = useRef(values);
  useEffect(() => {
    latest.current = values;
  });

  const setError = (field: DraftField, text: string | undefined) =>
    setErrors((current) => (current[field] === text ? current : { ...current, [field]: text }));

  /** Puts field messages (from the server or a check before sending) on the fields they name. */
  const showFieldErrors = (fieldErrors: Record<string, string> | undefined) => {
    const next: DraftErrors = {};
    for (const [field, text] of Object.entries(fieldErrors ?? {}))
      if (isDraftField(field, latest.current)) next[field] = text;
    if (Object.keys(next).length > 0) setErrors((current) => ({ ...current, ...next }));
  };

  const change = (field: DraftField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // Typing clears the field's error at once and leaving the field checks it again. Clearing it
    // only on blur would move the buttons below while the user is clicking one of them.
    if (errors[field]) setError(field, undefined);
  };

  const check = async (field: DraftField) => {
    const current = latest.current;
    try {
      const { findIssues, saveDraftSchema } = await loadChecks();
      const issues = await findIssues(saveDraftSchema, { messageId: message.id, ...current });
      // A check that finishes after more typing describes text that is gone.
      if (latest.current[field] === current[field]) setError(field, issues?.[field]?.message);
    } catch {
      // The checks did not load (a dropped connection): the server checks every save anyway.
    }
  };

  // The action is called directly, not through useAction: autosave runs from timers and on
  // unmount, one save at a time of its own, and a dropped connection belongs on its status line
  // ("Could not save…", the text kept), not on the error page a thrown error would bring.
  const save = async (current: DraftFields): Promise<SaveOutcome> => {
    const isRecipientValid = (await loadChecks()).isSavableRecipient(current.recipient);
    const result = await saveDraftAction({
      messageId: message.id,
      subject: current.subject,
      body: current.body,
      ...(isRecipientValid ? { recipient: current.recipient } : {}),
    });
    if (!result.ok) {
      showFieldErrors(result.fieldErrors);
      return { ok: false, message: result.message };
    }
    return {
      ok: true,
      savedAt: new Date(result.data.savedAt),
      note: isRecipientValid ? undefined : 'the recipient is not a valid address yet, so it was not saved',
    };
  };

  const autosave = useAutosave(values, save);
  return { values, errors, change, check, showFieldErrors, getValues: () => latest.current, autosave };
}

export type MessageEditorState = ReturnType<typeof useMessageEditor>;

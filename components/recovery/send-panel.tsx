'use client';

import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { confirmManualSendAction, sendMessageAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { DraftFields, EditableMessage } from './types';

type Phase =
  | { name: 'idle' }
  // The key is made when the confirmation opens and reused by every click and retry from it,
  // so a double click, a retry after a dropped connection or a second tab never sends twice.
  | { name: 'confirming'; key: string; values: DraftFields }
  | { name: 'failed'; key: string; reason: string; isRetryable: boolean }
  | { name: 'outbox'; mailto: string };

type Props = {
  message: EditableMessage;
  getValues: () => DraftFields;
  flush: () => Promise<boolean>;
  onInvalid: (fieldErrors: Record<string, string>) => void;
  onConfirming?: (isConfirming: boolean) => void;
};

// The schema and zod load on the first Send, not with the page.
const checkReadyToSend = async (input: Record<string, unknown>) =>
  (await import('./recovery-checks')).checkReadyToSend(input);

function initialPhase(message: EditableMessage): Phase {
  if (message.status === 'FAILED')
    return {
      name: 'failed',
      key: crypto.randomUUID(),
      reason: message.failureReason ?? 'Unknown error.',
      isRetryable: true,
    };
  if (message.status === 'DRAFT' && message.delivery === 'MANUAL' && message.mailto) {
    return { name: 'outbox', mailto: message.mailto };
  }
  return { name: 'idle' };
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** Confirm, send once, and handle each answer: sent, failed (retry), or in the outbox (send it yourself). */
export function SendPanel({ message, getValues, flush, onInvalid, onConfirming }: Props) {
  const [phase, setPhaseState] = useState<Phase>(() => initialPhase(message));
  const [copied, setCopied] = useState<string | null>(null);

  const setPhase = (next: Phase) => {
    setPhaseState(next);
    onConfirming?.(next.name === 'confirming');
  };

  const sendMessage = useAction(sendMessageAction, {
    onStart: () => confirmSent.setError(null),
    onSuccess: (result, { idempotencyKey }) => {
      if (result.status === 'FAILED')
        setPhase({ name: 'failed', key: idempotencyKey, reason: result.reason, isRetryable: result.retryable });
      else if (result.status === 'DRAFT') setPhase({ name: 'outbox', mailto: result.mailto });
      else setPhase({ name: 'idle' });
    },
    // Refused before anything was sent (a bad address, say): unlock the editor on the field to fix.
    onError: ({ fieldErrors }) => {
      if (!fieldErrors || Object.keys(fieldErrors).length === 0) return;
      setPhase({ name: 'idle' });
      onInvalid(fieldErrors);
    },
  });
  const confirmSent = useAction(confirmManualSendAction, { onStart: () => sendMessage.setError(null) });
  const actionError = sendMessage.error ?? confirmSent.error;

  const checkValues = async (): Promise<DraftFields | null> => {
    const values = getValues();
    const fieldErrors = await checkReadyToSend({ messageId: message.id, ...values });
    if (!fieldErrors) return values;
    onInvalid(fieldErrors);
    sendMessage.setError('Check the recipient, the subject and the text above before sending.');
    return null;
  };

  const openConfirmation = async () => {
    sendMessage.setError(null);
    confirmSent.setError(null);
    await flush();
    const values = await checkValues();
    if (values) setPhase({ name: 'confirming', key: crypto.randomUUID(), values });
  };

  const send = (key: string, values: DraftFields) =>
    void sendMessage.execute({ messageId: message.id, ...values, idempotencyKey: key });

  const retry = async (key: string) => {
    await flush();
    const values = await checkValues();
    if (values) send(key, values);
  };

  const copy = async (values: DraftFields) => {
    try {
      await navigator.clipboard.writeText(`Subject: ${values.subject}\n\n${values.body}`);
      setCopied('Copied the subject and the text.');
    } catch {
      setCopied('Copying is blocked in this browser: select the text in the editor and copy it yourself.');
    }
  };

  if (message.status === 'SENT') return null;
  if (message.status === 'SENDING') {
    return (
      <Alert tone="info">This message is being sent right now. Reload the page in a moment to see how it went.</Alert>
    );
  }

  const error = actionError ? <Alert tone="error">{actionError}</Alert> : null;
  switch (phase.name) {
    case 'confirming':
      return (
        <div className="space-y-3 rounded-md border border-brand-100 bg-brand-50 p-4">
          <p className="font-medium">Send to {phase.values.recipient}?</p>
          <p className="text-sm text-slate-700">Subject: {phase.values.subject}</p>
          {error}
          <div className="flex flex-wrap gap-2">
            <Button pending={sendMessage.isPending} onClick={() => send(phase.key, phase.values)}>
              {sendMessage.isPending ? 'Sending…' : 'Yes, send it'}
            </Button>
            <Button variant="secondary" disabled={sendMessage.isPending} onClick={() => setPhase({ name: 'idle' })}>
              Not yet
            </Button>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className="space-y-3">
          <Alert tone="error">
            The email was not sent: {withFullStop(phase.reason)} Your text is kept.
            {phase.isRetryable ? ' Try again in a moment.' : ' Check the recipient address, then try again.'}
          </Alert>
          {actionError && actionError !== phase.reason ? error : null}
          <Button pending={sendMessage.isPending} onClick={() => void retry(phase.key)}>
            {sendMessage.isPending ? 'Sending…' : 'Retry'}
          </Button>
        </div>
      );
    case 'outbox':
      return (
        <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm">
          <p>
            <strong>Not sent yet.</strong> No mail server is set up here, so Rebound kept the email ready for you. Send
            it from your own email, then confirm below.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            {/* The page's link is rebuilt from the stored text after every autosave; the send result's is the fallback. */}
            <a
              href={message.mailto ?? phase.mailto}
              className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
            >
              Open in your email app
            </a>
            <Button variant="secondary" onClick={() => void copy(getValues())}>
              Copy subject and text
            </Button>
            <Button
              variant="secondary"
              pending={confirmSent.isPending}
              onClick={() => void confirmSent.execute({ messageId: message.id })}
            >
              {confirmSent.isPending ? 'Saving…' : 'I sent it'}
            </Button>
          </div>
          {copied ? <p role="status">{copied}</p> : null}
          {error}
        </div>
      );
    default:
      return (
        <div className="space-y-3">
          {error}
          <Button onClick={() => void openConfirmation()}>Send…</Button>
        </div>
      );
  }
}

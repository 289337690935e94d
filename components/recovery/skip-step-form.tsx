'use client';

import { useState, type FormEvent } from 'react';
import { useAction } from '@/components/forms/use-action';
import { skipStepAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import type { RecoveryState } from '@/lib/domain/recovery-state';
import type { SkipStepInput } from '@/lib/validation/recovery';

type Props = { incidentId: string; step: Exclude<RecoveryState, 'CLOSED'>; label: string };

// The schema and zod load on the first check, not with the page: this form is on every open step.
const checkSkipStep = async (input: SkipStepInput) => (await import('./recovery-checks')).checkSkipStep(input);

/** Skipping is allowed but never silent: the reason is required and shown in the stepper. */
export function SkipStepForm({ incidentId, step, label }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isChecking, setIsChecking] = useState(false);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const id = `skip-${step}-reason`;

  const showError = (text: string | undefined, shouldFocus: boolean) => {
    setError(text);
    if (text && shouldFocus) document.getElementById(id)?.focus();
  };

  const skip = useAction(skipStepAction, { onError: (failure) => showError(failure.fieldErrors?.reason, true) });
  const isSubmitting = isChecking || skip.isPending;

  // After the first try the reason is checked again as it is typed, so the message goes as soon as it is fixed.
  const change = async (next: string) => {
    setReason(next);
    if (!isSubmitted) return;
    const checked = await checkSkipStep({ incidentId, step, reason: next }).catch(() => null);
    if (checked) showError(checked.ok ? undefined : checked.fieldErrors.reason, false);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSubmitting) return;
    setIsSubmitted(true);
    setIsChecking(true);
    skip.setError(null);
    const values = { incidentId, step, reason };
    // Checks that did not load (a dropped connection) leave the checking to the server.
    const checked = await checkSkipStep(values).catch(() => null);
    setIsChecking(false);
    if (checked && !checked.ok) return showError(checked.fieldErrors.reason, true);
    showError(undefined, false);
    await skip.execute(checked?.ok ? checked.data : values);
  };

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Skip this step</summary>
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4"
      >
        {skip.error ? <Alert tone="error">{skip.error}</Alert> : null}
        <Field
          id={id}
          label={`Why are you skipping “${label}”?`}
          error={error}
          hint="It is kept with the step, so the record stays honest."
        >
          <Input
            id={id}
            name="reason"
            value={reason}
            onChange={(event) => void change(event.currentTarget.value)}
            {...describedBy(id, error)}
          />
        </Field>
        <Button type="submit" variant="secondary" pending={isSubmitting}>
          {isSubmitting ? 'Skipping…' : 'Skip with this reason'}
        </Button>
      </form>
    </details>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { useAction } from '@/components/forms/use-action';
import { startRecoveryAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Select, Textarea } from '@/components/ui/form';
import { ROOT_CAUSE_LABELS, type RootCause } from '@/lib/domain/lesson-rules';
import { MAX_EXPLANATION_LENGTH } from '@/lib/validation/limits';
import type { startRecoverySchema, StartRecoveryInput } from '@/lib/validation/recovery';

type Props = {
  interviewId: string;
  kind: StartRecoveryInput['kind'];
  // Made once when the page was rendered: a double submit or a retry reuses it, so the server
  // answers with the incident it already opened instead of opening a second one.
  idempotencyKey: string;
};

const reasons = Object.entries(ROOT_CAUSE_LABELS) as [RootCause, string][];

const resolver = lazyResolver(() => import('./recovery-checks').then((module) => module.startRecoveryResolver));

export function StartRecoveryForm({ interviewId, kind, idempotencyKey }: Props) {
  const router = useRouter();
  const [isLeaving, setIsLeaving] = useState(false);
  const form = useForm<StartRecoveryInput, unknown, z.output<typeof startRecoverySchema>>({
    resolver,
    defaultValues: { interviewId, kind, idempotencyKey, explanation: '', employerWarned: false },
  });
  const { register, handleSubmit, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const explanation = useWatch({ control, name: 'explanation' }) ?? '';
  const isLate = kind === 'RUNNING_LATE';

  const startRecovery = useAction(startRecoveryAction, {
    form,
    onSuccess: ({ incidentId }) => {
      setIsLeaving(true);
      router.push(`/incidents/${incidentId}`);
    },
  });
  const isBusy = isSubmitting || startRecovery.isPending || isLeaving;
  const onSubmit = handleSubmit((values) => startRecovery.execute(values));

  const reasonError = errors.reason?.message;
  const explanationError = errors.explanation?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {startRecovery.error ? <Alert tone="error">{startRecovery.error}</Alert> : null}
      <input type="hidden" {...register('interviewId')} />
      <input type="hidden" {...register('kind')} />
      <input type="hidden" {...register('idempotencyKey')} />
      <Field id="recover-reason" label={isLate ? 'What is holding you up?' : 'What happened?'} error={reasonError}>
        <Select id="recover-reason" {...describedBy('recover-reason', reasonError)} {...register('reason')}>
          <option value="">Choose one…</option>
          {reasons.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="recover-explanation"
        label="Short explanation (optional)"
        error={explanationError}
        hint={
          <>
            One or two honest sentences, in case they ask. Keep it brief: the apology matters more than the excuse.{' '}
            <span aria-live="polite">
              {explanation.length}/{MAX_EXPLANATION_LENGTH} characters.
            </span>
          </>
        }
      >
        <Textarea
          id="recover-explanation"
          rows={3}
          placeholder={
            isLate ? 'My train is stuck outside the station.' : 'I misjudged the journey and did not leave enough time.'
          }
          {...describedBy('recover-explanation', explanationError)}
          {...register('explanation')}
        />
      </Field>
      <div className="flex items-start gap-3">
        <input id="recover-employerWarned" type="checkbox" className="mt-1 h-4 w-4" {...register('employerWarned')} />
        <label htmlFor="recover-employerWarned" className="text-sm">
          <span className="font-medium">
            {isLate ? 'I have already told them I will be late' : 'I warned the employer in advance'}
          </span>
          <span className="block text-slate-500">The drafts will say so instead of breaking the news.</span>
        </label>
      </div>
      <Button type="submit" variant={isLate ? 'primary' : 'danger'} pending={isBusy}>
        {isBusy ? 'Preparing your recovery…' : isLate ? 'Get my call script' : 'Start the recovery'}
      </Button>
    </form>
  );
}

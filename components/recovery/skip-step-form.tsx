'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { skipStepAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import type { RecoveryState } from '@/lib/domain/recovery-state';
import type { skipStepSchema, SkipStepInput } from '@/lib/validation/recovery';
import { setServerErrors } from '@/components/ui/server-errors';

type Props = { incidentId: string; step: Exclude<RecoveryState, 'CLOSED'>; label: string };

const resolver = lazyResolver(() => import('./recovery-checks').then((module) => module.skipStepResolver));

/** Skipping is allowed but never silent: the reason is required and shown in the stepper. */
export function SkipStepForm({ incidentId, step, label }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<SkipStepInput, unknown, z.output<typeof skipStepSchema>>({
    resolver,
    defaultValues: { incidentId, step, reason: '' },
  });
  const { errors, isSubmitting } = formState;
  const id = `skip-${step}-reason`;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await skipStepAction(values);
    if (result.ok) return;
    setFailure(result.message);
    setServerErrors(setError, result.fieldErrors);
  });
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Skip this step</summary>
      <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <Field id={id} label={`Why are you skipping “${label}”?`} error={errors.reason?.message} hint="It is kept with the step, so the record stays honest.">
          <Input id={id} {...describedBy(id, errors.reason?.message)} {...register('reason')} />
        </Field>
        <Button type="submit" variant="secondary" pending={isSubmitting}>
          {isSubmitting ? 'Skipping…' : 'Skip with this reason'}
        </Button>
      </form>
    </details>
  );
}

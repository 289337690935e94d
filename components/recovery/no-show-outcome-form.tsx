'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { recordNoShowOutcomeAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Textarea } from '@/components/ui/form';
import type { NoShowOutcomeChoice, RecordNoShowOutcomeInput } from '@/lib/validation/no-show';
import { schemaResolver } from './schema-resolver';

type OutcomeFields = { outcome: NoShowOutcomeChoice | ''; date: string; time: string; note: string };

type Props = { incidentId: string; timeZone: string; minDate: string };

const CHOICES: readonly { value: NoShowOutcomeChoice; label: string; hint: string }[] = [
  {
    value: 'JOINED_LATE',
    label: 'They joined late and the interview happened',
    hint: 'The interview is marked completed.',
  },
  {
    value: 'RESCHEDULED',
    label: 'They set a new time',
    hint: 'Rebound moves the interview, keeps the change in its history and prepares you for it.',
  },
  {
    value: 'NO_RESPONSE',
    label: 'No answer yet',
    hint: 'Rebound reminds you to follow up after one business day where they are.',
  },
  { value: 'WITHDRAWN', label: 'I am withdrawing', hint: 'The interview is marked withdrawn.' },
];

function toInput(incidentId: string, values: OutcomeFields): RecordNoShowOutcomeInput {
  const isRescheduled = values.outcome === 'RESCHEDULED';
  return {
    incidentId,
    outcome: values.outcome as NoShowOutcomeChoice,
    date: isRescheduled ? values.date : undefined,
    time: isRescheduled ? values.time : undefined,
    note: values.note || undefined,
  };
}

const loadSchema = () => import('./no-show-checks').then((module) => module.recordNoShowOutcomeSchema);

/** What happened after the wait; a new time is read in the interview's own zone. */
export function NoShowOutcomeForm({ incidentId, timeZone, minDate }: Props) {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<OutcomeFields>({
    resolver: schemaResolver(loadSchema, (values: OutcomeFields) => toInput(incidentId, values)),
    defaultValues: { outcome: '', date: '', time: '', note: '' },
  });
  const { register, handleSubmit, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const outcome = useWatch({ control, name: 'outcome' });
  const record = useAction(recordNoShowOutcomeAction, {
    form,
    onSuccess: (_data, input) => {
      if (input.outcome === 'NO_RESPONSE') setNotice('Noted: no answer yet. Rebound will remind you to follow up.');
      router.refresh();
    },
  });
  const isSaving = isSubmitting || record.isPending;
  const onSubmit = handleSubmit((values) => {
    setNotice(null);
    return record.execute(toInput(incidentId, values));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {record.error ? <Alert tone="error">{record.error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">What happened?</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2 text-sm">
            <input type="radio" value={choice.value} className="mt-0.5 h-4 w-4" {...register('outcome')} />
            <span>
              <span className="font-medium">{choice.label}</span>
              <span className="block text-slate-500">{choice.hint}</span>
            </span>
          </label>
        ))}
        {errors.outcome ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.outcome.message}
          </p>
        ) : null}
      </fieldset>
      {outcome === 'RESCHEDULED' ? (
        <div className="grid gap-4 rounded-md border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2">
          <Field
            id="no-show-date"
            label="New date"
            error={errors.date?.message}
            hint={`In the interview’s time zone (${timeZone.replaceAll('_', ' ')}).`}
          >
            <Input
              id="no-show-date"
              type="date"
              min={minDate}
              {...describedBy('no-show-date', errors.date?.message)}
              {...register('date')}
            />
          </Field>
          <Field id="no-show-time" label="New start time" error={errors.time?.message}>
            <Input
              id="no-show-time"
              type="time"
              {...describedBy('no-show-time', errors.time?.message)}
              {...register('time')}
            />
          </Field>
        </div>
      ) : null}
      <Field id="no-show-note" label="Note (optional)" error={errors.note?.message}>
        <Textarea
          id="no-show-note"
          rows={2}
          {...describedBy('no-show-note', errors.note?.message)}
          {...register('note')}
        />
      </Field>
      <Button type="submit" pending={isSaving}>
        {isSaving ? 'Saving…' : 'Save what happened'}
      </Button>
    </form>
  );
}

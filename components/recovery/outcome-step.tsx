'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { recordOutcomeAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Textarea } from '@/components/ui/form';
import { RESCHEDULE_ANSWERS } from '@/lib/validation/limits';
import type { RecordOutcomeInput } from '@/lib/validation/recovery';
import { ANSWER_LABELS } from '@/lib/domain/recovery-labels';
import { schemaResolver } from './schema-resolver';

type Answer = (typeof RESCHEDULE_ANSWERS)[number];
type OutcomeFields = { answer: Answer | ''; date: string; time: string; note: string };

type Props = { incidentId: string; timeZone: string; minDate: string };

const answerHints: Record<Answer, string> = {
  ACCEPTED: 'Enter the new time; Rebound adds the new interview and drafts a short thank-you.',
  DECLINED:
    'Rebound drafts one last short note: apologise once more and thank them for their consideration. Then you stop.',
  NO_RESPONSE: 'Nothing changes; Rebound tells you when a single polite follow-up makes sense.',
};

// The date and time inputs become the one wall-clock value the server reads in the interview's zone.
function toInput(incidentId: string, timeZone: string, values: OutcomeFields): RecordOutcomeInput {
  const isAccepted = values.answer === 'ACCEPTED';
  return {
    incidentId,
    answer: values.answer as Answer,
    newStartLocal: isAccepted && (values.date || values.time) ? `${values.date}T${values.time}` : undefined,
    timeZone: isAccepted ? timeZone : undefined,
    note: values.note,
  };
}

const loadRecordOutcomeSchema = () => import('./recovery-checks').then((module) => module.recordOutcomeSchema);

const fieldFor = (path: string) => (path === 'newStartLocal' || path === 'timeZone' ? 'date' : path);

export function OutcomeStep({ incidentId, timeZone, minDate }: Props) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<OutcomeFields>({
    resolver: schemaResolver(
      loadRecordOutcomeSchema,
      (values: OutcomeFields) => toInput(incidentId, timeZone, values),
      fieldFor,
    ),
    defaultValues: { answer: '', date: '', time: '', note: '' },
  });
  const { register, handleSubmit, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const answer = useWatch({ control, name: 'answer' });
  const recordOutcome = useAction(recordOutcomeAction, {
    form,
    toField: fieldFor,
    onSuccess: (data) => {
      if (data.answer === 'NO_RESPONSE') setNotice('Noted: no answer yet. Come back and record it when they reply.');
    },
  });
  const isSaving = isSubmitting || recordOutcome.isPending;
  const onSubmit = handleSubmit((values) => {
    setNotice(null);
    return recordOutcome.execute(toInput(incidentId, timeZone, values));
  });

  const dateError = errors.date?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {recordOutcome.error ? <Alert tone="error">{recordOutcome.error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">What did they answer?</legend>
        {RESCHEDULE_ANSWERS.map((value) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input type="radio" value={value} className="mt-0.5 h-4 w-4" {...register('answer')} />
            <span>
              <span className="font-medium">{ANSWER_LABELS[value]}</span>
              <span className="block text-slate-500">{answerHints[value]}</span>
            </span>
          </label>
        ))}
        {errors.answer ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.answer.message}
          </p>
        ) : null}
      </fieldset>
      {answer === 'ACCEPTED' ? (
        <div className="grid gap-4 rounded-md border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2">
          <Field
            id="outcome-date"
            label="New date"
            error={dateError}
            hint={`In the interview’s time zone (${timeZone.replaceAll('_', ' ')}).`}
          >
            <Input
              id="outcome-date"
              type="date"
              min={minDate}
              {...describedBy('outcome-date', dateError)}
              {...register('date')}
            />
          </Field>
          <Field id="outcome-time" label="New start time" error={errors.time?.message}>
            <Input
              id="outcome-time"
              type="time"
              {...describedBy('outcome-time', errors.time?.message)}
              {...register('time')}
            />
          </Field>
        </div>
      ) : null}
      <Field
        id="outcome-note"
        label="Note (optional)"
        error={errors.note?.message}
        hint="Who answered and anything they asked you to do."
      >
        <Textarea
          id="outcome-note"
          rows={2}
          {...describedBy('outcome-note', errors.note?.message)}
          {...register('note')}
        />
      </Field>
      <Button type="submit" pending={isSaving}>
        {isSaving ? 'Saving…' : 'Save their answer'}
      </Button>
    </form>
  );
}

'use client';

import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { useAction } from '@/components/forms/use-action';
import { recordCallAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Textarea } from '@/components/ui/form';
import { CallResult } from '@/lib/generated/prisma/enums';
import type { recordCallSchema, RecordCallInput } from '@/lib/validation/recovery';
import { CALL_RESPONSE_LABELS, CALL_RESPONSES, CALL_RESULT_LABELS } from '@/lib/domain/recovery-labels';

type Props = {
  incidentId: string;
  isRunningLate: boolean;
  script: string | null;
  contact: { name: string | null; phone: string | null; company: string; role: string; when: string };
};

const callResults = Object.values(CallResult);

const resolver = lazyResolver(() => import('./recovery-checks').then((module) => module.recordCallResolver));

export function CallStep({ incidentId, isRunningLate, script, contact }: Props) {
  const form = useForm<RecordCallInput, unknown, z.output<typeof recordCallSchema>>({
    resolver,
    defaultValues: { incidentId, response: 'NONE', note: '' },
  });
  const { register, handleSubmit, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const result = useWatch({ control, name: 'result' });
  const recordCall = useAction(recordCallAction, { form });
  const isSaving = isSubmitting || recordCall.isPending;
  const onSubmit = handleSubmit((values) => recordCall.execute(values));

  return (
    <div className="space-y-5">
      <div className="rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
        <p>
          <span className="font-medium">{contact.name ?? 'The person who arranged the interview'}</span> at{' '}
          {contact.company}, about the {contact.role} interview ({contact.when}).
        </p>
        {contact.phone ? (
          <p className="mt-2">
            <a
              href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}
              className="inline-flex rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
            >
              Call {contact.phone}
            </a>
          </p>
        ) : (
          <p className="mt-2 text-slate-600">
            No phone number is saved for this interview: use the one from the invitation.
          </p>
        )}
      </div>

      <section aria-labelledby="call-script-title" className="space-y-2">
        <h3 id="call-script-title" className="text-sm font-semibold">
          {isRunningLate ? 'What to say: call before the start time' : 'What to say'}
        </h3>
        <div className="whitespace-pre-wrap rounded-md border border-brand-100 bg-white p-4 text-sm leading-relaxed">
          {script ??
            'Apologise sincerely, give one short honest sentence if they ask why, take responsibility and ask to reschedule.'}
        </div>
      </section>

      <form onSubmit={onSubmit} noValidate className="space-y-4 border-t border-slate-200 pt-4">
        <h3 className="text-sm font-semibold">After the call</h3>
        {recordCall.error ? <Alert tone="error">{recordCall.error}</Alert> : null}
        <input type="hidden" {...register('incidentId')} />
        <fieldset className="space-y-2" aria-describedby={errors.result ? 'call-result-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">How did it go?</legend>
          {callResults.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" value={value} className="h-4 w-4" {...register('result')} />
              {CALL_RESULT_LABELS[value]}
            </label>
          ))}
          {errors.result ? (
            <p id="call-result-error" role="alert" className="text-sm text-red-700">
              {errors.result.message}
            </p>
          ) : null}
        </fieldset>
        {result === 'REACHED' ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">What did they say?</legend>
            {CALL_RESPONSES.map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" value={value} className="h-4 w-4" {...register('response')} />
                {CALL_RESPONSE_LABELS[value]}
              </label>
            ))}
            {errors.response ? (
              <p role="alert" className="text-sm text-red-700">
                {errors.response.message}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <Field
          id="call-note"
          label="Notes from the call (optional)"
          error={errors.note?.message}
          hint="Who you spoke to, times they offered, anything to remember."
        >
          <Textarea id="call-note" rows={3} {...describedBy('call-note', errors.note?.message)} {...register('note')} />
        </Field>
        <Button type="submit" pending={isSaving}>
          {isSaving ? 'Saving…' : 'Save the call'}
        </Button>
      </form>
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select, Textarea } from '@/components/ui/form';
import { createApplicationAction, updateApplicationAction } from '@/lib/actions/applications';
import {
  APPLICATION_SOURCES,
  SALARY_PERIOD_LABELS,
  SALARY_PERIODS,
  SOURCE_LABELS,
  type ApplicationWarnings,
} from '@/lib/domain/application-details';
import type { ApplicationFormInput } from '@/lib/validation/application';
import { ApplicationWarningsNotice } from './application-warnings';

const resolver = lazyResolver(() =>
  import('./application-form-checks').then((module) => module.applicationFormResolver),
);

const warningKey = (company: string | undefined, roleTitle: string | undefined) =>
  [company, roleTitle].map((part) => (part ?? '').trim().toLowerCase().replace(/\s+/g, ' ')).join('\u001f');

type StageOption = { id: string; name: string };

type Props = {
  defaults: ApplicationFormInput;
  /** Set when editing; a new application is created otherwise. */
  applicationId?: string;
  /** For a new application: the stages it may start in, and the one chosen at first. */
  stages?: readonly StageOption[];
  defaultStageId?: string | null;
};

export function ApplicationForm({ defaults, applicationId, stages = [], defaultStageId }: Props) {
  const router = useRouter();
  const [stageId, setStageId] = useState(defaultStageId ?? '');
  const [warned, setWarned] = useState<{ warnings: ApplicationWarnings; for: string } | null>(null);
  const form = useForm<ApplicationFormInput>({ resolver, defaultValues: defaults });
  const { register, handleSubmit, formState, control } = form;
  const { errors, isSubmitting } = formState;
  const [source, company, roleTitle] = useWatch({ control, name: ['source', 'company', 'roleTitle'] });
  // Warnings hold for the company and role they were found for; another one is checked afresh.
  const warnings = warned && warned.for === warningKey(company, roleTitle) ? warned.warnings : null;

  const done = (id: string) => {
    router.push(`/applications/${id}`);
    router.refresh();
  };
  const create = useAction(
    (input: { values: ApplicationFormInput; stageId?: string; acknowledgeWarnings: boolean }) =>
      createApplicationAction(input),
    {
      form,
      onSuccess: (result, input) => {
        if (result.saved) return done(result.id);
        setWarned({ warnings: result.warnings, for: warningKey(input.values.company, input.values.roleTitle) });
      },
    },
  );
  const update = useAction(
    (values: ApplicationFormInput) => updateApplicationAction({ id: applicationId ?? '', values }),
    {
      form,
      onSuccess: ({ id }) => done(id),
    },
  );
  const action = applicationId ? update : create;
  const isSaving = isSubmitting || action.isPending;

  const save = (acknowledgeWarnings: boolean) =>
    handleSubmit((values) =>
      applicationId
        ? update.execute(values)
        : create.execute({ values, stageId: stageId || undefined, acknowledgeWarnings }),
    );

  // defaultValue puts the saved value into the server's HTML, before scripts run.
  const field = (name: Exclude<keyof ApplicationFormInput, 'isRemote'>) => ({
    id: name,
    defaultValue: defaults[name] as string | undefined,
    ...describedBy(name, errors[name]?.message),
    ...register(name),
  });

  return (
    <form onSubmit={save(false)} noValidate className="space-y-6">
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">The job</legend>
        <Field id="company" label="Company" error={errors.company?.message}>
          <Input autoComplete="organization" {...field('company')} />
        </Field>
        <Field id="roleTitle" label="Role" error={errors.roleTitle?.message}>
          <Input {...field('roleTitle')} />
        </Field>
        <Field id="postingUrl" label="Posting link (optional)" error={errors.postingUrl?.message}>
          <Input type="url" inputMode="url" placeholder="https://" {...field('postingUrl')} />
        </Field>
        <Field
          id="appliedOn"
          label="Applied on (optional)"
          error={errors.appliedOn?.message}
          hint="Any past day: backfill freely."
        >
          <Input type="date" {...field('appliedOn')} />
        </Field>
        {!applicationId && stages.length > 0 ? (
          <Field id="stageId" label="Stage" hint="Where it starts on your board.">
            <Select
              id="stageId"
              aria-describedby="stageId-hint"
              value={stageId}
              onChange={(event) => setStageId(event.target.value)}
            >
              {stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">Where it came from</legend>
        <Field id="source" label="Source (optional)" error={errors.source?.message}>
          <Select {...field('source')}>
            <option value="">Not said</option>
            {APPLICATION_SOURCES.map((value) => (
              <option key={value} value={value}>
                {SOURCE_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="sourceDetail"
          label={source === 'OTHER' ? 'Where exactly' : 'Details (optional)'}
          error={errors.sourceDetail?.message}
          hint="e.g. the board's name, who referred you"
        >
          <Input {...field('sourceDetail')} />
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">Place and pay</legend>
        <Field id="location" label="Location (optional)" error={errors.location?.message}>
          <Input {...field('location')} />
        </Field>
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              id="isRemote"
              defaultChecked={defaults.isRemote ?? false}
              className="h-4 w-4 rounded border-slate-300"
              {...register('isRemote')}
            />
            Remote
          </label>
        </div>
        <Field id="salaryMin" label="Salary from (optional)" error={errors.salaryMin?.message}>
          <Input inputMode="numeric" {...field('salaryMin')} />
        </Field>
        <Field id="salaryMax" label="Salary to (optional)" error={errors.salaryMax?.message}>
          <Input inputMode="numeric" {...field('salaryMax')} />
        </Field>
        <Field
          id="salaryCurrency"
          label="Currency"
          error={errors.salaryCurrency?.message}
          hint="Three letters, e.g. GBP, EUR, USD"
        >
          <Input maxLength={3} autoCapitalize="characters" {...field('salaryCurrency')} />
        </Field>
        <Field id="salaryPeriod" label="Per" error={errors.salaryPeriod?.message}>
          <Select {...field('salaryPeriod')}>
            <option value="">Not said</option>
            {SALARY_PERIODS.map((value) => (
              <option key={value} value={value}>
                {SALARY_PERIOD_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      <Field id="notes" label="Notes (optional)" error={errors.notes?.message}>
        <Textarea rows={5} {...field('notes')} />
      </Field>

      {warnings ? <ApplicationWarningsNotice warnings={warnings} /> : null}

      <div className="flex flex-wrap gap-3">
        {warnings ? (
          <Button type="button" pending={isSaving} onClick={save(true)}>
            {isSaving ? 'Saving…' : 'Save anyway'}
          </Button>
        ) : (
          <Button type="submit" pending={isSaving}>
            {isSaving ? 'Saving…' : applicationId ? 'Save changes' : 'Add application'}
          </Button>
        )}
        <Link
          href={applicationId ? `/applications/${applicationId}` : '/applications'}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select } from '@/components/ui/form';
import { addStageAction } from '@/lib/actions/stages';
import type { AddStageInput, AddStageValues } from '@/lib/validation/stages';
import type { StageChoice } from './stage-types';

const resolver = lazyResolver(() => import('./stage-checks').then((module) => module.addStageResolver));

/** A stage of the user's own: its name, open or closed, where it goes, and when silence counts. */
export function AddStageForm({ stages }: { stages: readonly StageChoice[] }) {
  const router = useRouter();
  const last = stages[stages.length - 1];
  const defaults: AddStageInput = { name: '', kind: 'OPEN', afterStageId: last?.id ?? '', noReplyDays: '' };
  const form = useForm<AddStageInput, unknown, AddStageValues>({ resolver, defaultValues: defaults });
  const { register, handleSubmit, formState, control, reset } = form;
  const { errors, isSubmitting } = formState;
  const add = useAction(addStageAction, {
    form,
    onSuccess: () => {
      reset(defaults);
      router.refresh();
    },
  });
  const isSaving = isSubmitting || add.isPending;
  const isOpen = useWatch({ control, name: 'kind' }) === 'OPEN';
  return (
    <form onSubmit={handleSubmit((values) => add.execute(values))} noValidate className="space-y-4">
      {add.error ? <Alert tone="error">{add.error}</Alert> : null}
      <Field id="new-stage-name" label="Name" error={errors.name?.message}>
        <Input
          id="new-stage-name"
          autoComplete="off"
          {...describedBy('new-stage-name', errors.name?.message)}
          {...register('name')}
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Kind</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="OPEN" {...register('kind')} /> Open: the application is still in play
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="CLOSED" {...register('kind')} /> Closed: the application is over
        </label>
      </fieldset>
      <Field id="new-stage-after" label="Place it after" error={errors.afterStageId?.message}>
        <Select id="new-stage-after" className="max-w-xs" {...register('afterStageId')}>
          <option value="">At the start</option>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </Select>
      </Field>
      {isOpen ? (
        <Field
          id="new-stage-days"
          label="No reply after (days)"
          error={errors.noReplyDays?.message}
          hint="1 to 365 days; leave empty if this stage waits on you, not the employer."
        >
          <Input
            id="new-stage-days"
            inputMode="numeric"
            autoComplete="off"
            className="max-w-[8rem]"
            {...describedBy('new-stage-days', errors.noReplyDays?.message)}
            {...register('noReplyDays')}
          />
        </Field>
      ) : null}
      <Button type="submit" pending={isSaving}>
        {isSaving ? 'Adding…' : 'Add stage'}
      </Button>
    </form>
  );
}

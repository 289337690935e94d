'use client';

import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import { updateStageAction } from '@/lib/actions/stages';
import type { StageSettingsInput, StageSettingsValues } from '@/lib/validation/stages';
import type { StageItem } from './stage-types';

const resolver = lazyResolver(() => import('./stage-checks').then((module) => module.stageSettingsResolver));

/** Rename a stage and, for an open one, set when silence counts. */
export function StageSettingsForm({ stage, onDone }: { stage: StageItem; onDone: () => void }) {
  const router = useRouter();
  const form = useForm<StageSettingsInput, unknown, StageSettingsValues>({
    resolver,
    defaultValues: { name: stage.name, noReplyDays: stage.noReplyDays === null ? '' : String(stage.noReplyDays) },
  });
  const { register, handleSubmit, formState } = form;
  const { errors, isSubmitting } = formState;
  const save = useAction((values: StageSettingsValues) => updateStageAction({ id: stage.id, values }), {
    form,
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const isSaving = isSubmitting || save.isPending;
  const nameId = `stage-${stage.id}-rename`;
  const daysId = `stage-${stage.id}-days`;
  return (
    <form onSubmit={handleSubmit((values) => save.execute(values))} noValidate className="space-y-4">
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      <Field id={nameId} label="Name" error={errors.name?.message}>
        <Input id={nameId} autoComplete="off" {...describedBy(nameId, errors.name?.message)} {...register('name')} />
      </Field>
      {stage.kind === 'OPEN' ? (
        <Field
          id={daysId}
          label="No reply after (days)"
          error={errors.noReplyDays?.message}
          hint="1 to 365 days; leave empty if this stage waits on you, not the employer. After a round, counted in business days."
        >
          <Input
            id={daysId}
            inputMode="numeric"
            autoComplete="off"
            className="max-w-[8rem]"
            {...describedBy(daysId, errors.noReplyDays?.message)}
            {...register('noReplyDays')}
          />
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isSaving}>
          {isSaving ? 'Saving…' : 'Save stage'}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

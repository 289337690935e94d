'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { createLessonAction, updateLessonAction } from '@/lib/actions/lessons';
import { Alert } from '@/components/ui/alert';
import { PreventionActionsFieldset } from './prevention-actions-fieldset';
import { Button } from '@/components/ui/button';
import { LessonContentFields } from './lesson-content-fields';
import { LessonSideFields } from './lesson-side-fields';
import { isRootCauseAllowed, ROOT_CAUSES_BY_SIDE } from '@/lib/domain/lesson-sides';
import type { LessonFormInput, LessonFormValues } from '@/lib/validation/lessons';
import { ACTION_TEXT_MAX, ACTIONS_MAX } from '@/lib/validation/limits';
import type { ActionResult } from '@/lib/errors';
import { lazyResolver } from '@/components/forms/lazy-resolver';

const resolver = lazyResolver(() => import('./lesson-checks').then((module) => module.lessonFormResolver));

type LessonFormProps = {
  /** Present when editing; absent for a lesson added by hand. */
  lessonId?: string;
  defaults?: LessonFormInput;
  /** Where to go after saving (and on cancel). */
  returnTo: string;
  /** The lesson came out of a recovery: its company is the interview's. */
  isCompanyFromInterview?: boolean;
};

const EMPTY: LessonFormInput = {
  side: 'CANDIDATE',
  company: '',
  rootCause: 'OTHER',
  whatHappened: '',
  actions: [{ text: '' }],
};

export function LessonForm({ lessonId, defaults = EMPTY, returnTo, isCompanyFromInterview }: LessonFormProps) {
  const router = useRouter();
  const form = useForm<LessonFormInput, unknown, LessonFormValues>({
    resolver,
    defaultValues: defaults,
  });
  const { register, handleSubmit, control, formState, getValues, setValue } = form;
  const side = useWatch({ control, name: 'side' }) ?? 'CANDIDATE';
  // keyName keeps the generated React key apart from the row's own actionId.
  const { fields, append, remove } = useFieldArray({ control, name: 'actions', keyName: 'key' });
  const { errors, isSubmitting } = formState;

  // The typed text stays in the form on a refusal; only the messages are added.
  const save = useAction(
    (values: LessonFormValues): Promise<ActionResult<unknown>> =>
      lessonId ? updateLessonAction({ id: lessonId, values }) : createLessonAction(values),
    {
      form,
      onSuccess: () => {
        router.push(returnTo);
        router.refresh();
      },
    },
  );
  const isSaving = isSubmitting || save.isPending;
  const onSubmit = handleSubmit((values) => save.execute(values));

  const actionsError = errors.actions?.message ?? errors.actions?.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      <LessonSideFields
        side={side}
        registerSide={register('side', {
          // Fewer causes on the employer's side: one that no longer fits becomes "Other", which
          // both sides have, rather than staying chosen out of sight.
          onChange: (event: { target: { value: string } }) => {
            const next = event.target.value === 'EMPLOYER' ? 'EMPLOYER' : 'CANDIDATE';
            if (!isRootCauseAllowed(next, getValues('rootCause'))) setValue('rootCause', 'OTHER');
          },
        })}
        registerCompany={register('company')}
        errors={{ side: errors.side?.message, company: errors.company?.message }}
        defaults={defaults}
        isCompanyFromInterview={isCompanyFromInterview}
      />
      <LessonContentFields
        rootCauses={ROOT_CAUSES_BY_SIDE[side]}
        rootCauseHint={
          side === 'EMPLOYER'
            ? 'What went wrong on their side. The causes that are yours alone (traffic, illness, forgetting) are on your side.'
            : undefined
        }
        registerRootCause={register('rootCause')}
        registerWhatHappened={register('whatHappened')}
        errors={{ rootCause: errors.rootCause?.message, whatHappened: errors.whatHappened?.message }}
        defaults={defaults}
      />
      <PreventionActionsFieldset
        rows={fields.map((field) => ({ key: field.key, defaultText: field.text }))}
        registerText={(index) => register(`actions.${index}.text`)}
        errorFor={(index) => errors.actions?.[index]?.text?.message}
        listError={actionsError}
        onAdd={() => append({ text: '' })}
        onRemove={remove}
        minRows={0}
        maxRows={ACTIONS_MAX}
        note={`Up to ${ACTIONS_MAX} concrete actions, each up to ${ACTION_TEXT_MAX} characters. They show up before your next interviews.`}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={isSaving}>
          {isSaving ? 'Saving…' : lessonId ? 'Save changes' : 'Save lesson'}
        </Button>
        <Link href={returnTo} className="text-sm text-slate-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { createLessonAction, updateLessonAction } from '@/lib/actions/lessons';
import { Alert } from '@/components/ui/alert';
import { PreventionActionsFieldset } from './prevention-actions-fieldset';
import { Button } from '@/components/ui/button';
import { LessonContentFields } from './lesson-content-fields';
import type { LessonFormInput, LessonFormValues } from '@/lib/validation/lessons';
import { ACTION_TEXT_MAX, ACTIONS_MAX } from '@/lib/validation/limits';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { setServerErrors } from '@/components/ui/server-errors';

const resolver = lazyResolver(() => import('./lesson-checks').then((module) => module.lessonFormResolver));

type LessonFormProps = {
  /** Present when editing; absent for a lesson added by hand. */
  lessonId?: string;
  defaults?: LessonFormInput;
  /** Where to go after saving (and on cancel). */
  returnTo: string;
};

const EMPTY: LessonFormInput = { rootCause: 'OTHER', whatHappened: '', actions: [{ text: '' }] };

export function LessonForm({ lessonId, defaults = EMPTY, returnTo }: LessonFormProps) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<LessonFormInput, unknown, LessonFormValues>({
    resolver,
    defaultValues: defaults,
  });
  // keyName keeps the generated React key apart from the row's own actionId.
  const { fields, append, remove } = useFieldArray({ control, name: 'actions', keyName: 'key' });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = lessonId ? await updateLessonAction({ id: lessonId, values }) : await createLessonAction(values);
    if (!result.ok) {
      // The typed text stays in the form; only the messages are added.
      setFailure(result.message);
      setServerErrors(setError, result.fieldErrors);
      return;
    }
    router.push(returnTo);
    router.refresh();
  });

  const actionsError = errors.actions?.message ?? errors.actions?.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <LessonContentFields
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
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? 'Saving…' : lessonId ? 'Save changes' : 'Save lesson'}
        </Button>
        <Link href={returnTo} className="text-sm text-slate-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}

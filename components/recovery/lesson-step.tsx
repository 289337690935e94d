'use client';

import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { saveLessonAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { LessonContentFields } from '@/components/lessons/lesson-content-fields';
import { PreventionActionsFieldset } from '@/components/lessons/prevention-actions-fieldset';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Select } from '@/components/ui/form';
import type { IncidentOutcome } from '@/lib/domain/recovery-state';
import type { MissReason } from '@/lib/generated/prisma/enums';
import { ACTIONS_MAX } from '@/lib/validation/limits';
import type { SaveLessonInput } from '@/lib/validation/recovery';
import { OUTCOME_LABELS } from '@/lib/domain/recovery-labels';
import { schemaResolver } from './schema-resolver';
import { setServerErrors } from '@/components/ui/server-errors';

type LessonFields = { rootCause: MissReason; whatHappened: string; actions: { text: string }[]; outcome: IncidentOutcome | '' };

type Props = { incidentId: string; reason: MissReason; explanation: string | null; needsOutcome: boolean };

const outcomes = Object.entries(OUTCOME_LABELS) as [IncidentOutcome, string][];

function toInput(incidentId: string, values: LessonFields): SaveLessonInput {
  return {
    incidentId,
    rootCause: values.rootCause,
    whatHappened: values.whatHappened,
    actions: values.actions,
    outcome: values.outcome || undefined,
  };
}

const loadSaveLessonSchema = () => import('./recovery-checks').then((module) => module.saveLessonSchema);

function fieldFor(path: string): string {
  return path === 'actions' ? 'actions.root' : path;
}

export function LessonStep({ incidentId, reason, explanation, needsOutcome }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<LessonFields>({
    resolver: schemaResolver(loadSaveLessonSchema, (values: LessonFields) => toInput(incidentId, values), fieldFor),
    defaultValues: { rootCause: reason, whatHappened: explanation ?? '', actions: [{ text: '' }], outcome: '' },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'actions' });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await saveLessonAction(toInput(incidentId, values));
    if (result.ok) return;
    setFailure(result.message);
    setServerErrors(setError, result.fieldErrors, fieldFor);
  });

  const actionsError = errors.actions?.root?.message ?? errors.actions?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <LessonContentFields
        registerRootCause={register('rootCause')}
        registerWhatHappened={register('whatHappened')}
        errors={{ rootCause: errors.rootCause?.message, whatHappened: errors.whatHappened?.message }}
        rootCauseHint="Prefilled from what you said happened; change it if the real cause was different."
      />
      {needsOutcome ? (
        <Field id="lesson-outcome" label="How did it end? (optional)" error={errors.outcome?.message}>
          <Select id="lesson-outcome" {...describedBy('lesson-outcome', errors.outcome?.message)} {...register('outcome')}>
            <option value="">Not known</option>
            {outcomes.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <PreventionActionsFieldset
        rows={fields.map((field) => ({ key: field.id }))}
        registerText={(index) => register(`actions.${index}.text`)}
        errorFor={(index) => errors.actions?.[index]?.text?.message}
        listError={actionsError}
        onAdd={() => append({ text: '' })}
        onRemove={remove}
        minRows={1}
        maxRows={ACTIONS_MAX}
        note={`One to ${ACTIONS_MAX} concrete actions, e.g. “Visit the place the day before” or “Add 30 minutes to every journey”.`}
      />
      <Button type="submit" pending={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Save the lesson and close'}
      </Button>
    </form>
  );
}

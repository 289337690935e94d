'use client';

import { useFieldArray, useForm } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { saveLessonAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { LessonContentFields } from '@/components/lessons/lesson-content-fields';
import { ROOT_CAUSES_BY_SIDE } from '@/lib/domain/lesson-sides';
import { PreventionActionsFieldset } from '@/components/lessons/prevention-actions-fieldset';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Select } from '@/components/ui/form';
import type { IncidentOutcome } from '@/lib/domain/recovery-state';
import type { MissReason } from '@/lib/generated/prisma/enums';
import { ACTIONS_MAX } from '@/lib/validation/limits';
import type { SaveLessonInput } from '@/lib/validation/recovery';
import { OUTCOME_LABELS } from '@/lib/domain/recovery-labels';
import { schemaResolver } from './schema-resolver';

type LessonFields = {
  rootCause: MissReason;
  whatHappened: string;
  actions: { text: string }[];
  outcome: IncidentOutcome | '';
};

type Props = {
  incidentId: string;
  reason: MissReason;
  explanation: string | null;
  needsOutcome: boolean;
  /** A lesson out of the employer's no-show is about their side: only the causes that side allows. */
  employerSide?: boolean;
};

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

export function LessonStep({ incidentId, reason, explanation, needsOutcome, employerSide = false }: Props) {
  const defaultValues: LessonFields = {
    rootCause: reason,
    whatHappened: explanation ?? '',
    actions: [{ text: '' }],
    outcome: '',
  };
  const form = useForm<LessonFields>({
    resolver: schemaResolver(loadSaveLessonSchema, (values: LessonFields) => toInput(incidentId, values), fieldFor),
    defaultValues,
  });
  const { register, handleSubmit, control, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'actions' });
  const { errors, isSubmitting } = formState;
  const saveLesson = useAction(saveLessonAction, { form, toField: fieldFor });
  const isSaving = isSubmitting || saveLesson.isPending;
  const onSubmit = handleSubmit((values) => saveLesson.execute(toInput(incidentId, values)));

  const actionsError = errors.actions?.root?.message ?? errors.actions?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {saveLesson.error ? <Alert tone="error">{saveLesson.error}</Alert> : null}
      <LessonContentFields
        registerRootCause={register('rootCause')}
        registerWhatHappened={register('whatHappened')}
        errors={{ rootCause: errors.rootCause?.message, whatHappened: errors.whatHappened?.message }}
        defaults={defaultValues}
        rootCauseHint={
          employerSide
            ? 'About their side: what you will do so their next slip costs you less.'
            : 'Prefilled from what you said happened; change it if the real cause was different.'
        }
        rootCauses={employerSide ? ROOT_CAUSES_BY_SIDE.EMPLOYER : undefined}
      />
      {needsOutcome ? (
        <Field id="lesson-outcome" label="How did it end? (optional)" error={errors.outcome?.message}>
          <Select
            id="lesson-outcome"
            {...describedBy('lesson-outcome', errors.outcome?.message)}
            {...register('outcome')}
          >
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
      <Button type="submit" pending={isSaving}>
        {isSaving ? 'Saving…' : 'Save the lesson and close'}
      </Button>
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/form';
import { removeStageAction } from '@/lib/actions/stages';
import { describeCount, type StageChoice, type StageItem } from './stage-types';

type RemoveStagePanelProps = {
  stage: StageItem;
  otherStages: readonly StageChoice[];
  isLastOpen: boolean;
  onCancel: () => void;
};

/**
 * Removing a stage: at once when it is empty; when it holds applications, only with a stage to
 * move them all to (the server refuses otherwise, in the same words).
 */
export function RemoveStagePanel({ stage, otherStages, isLastOpen, onCancel }: RemoveStagePanelProps) {
  const router = useRouter();
  const [target, setTarget] = useState('');
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const remove = useAction(removeStageAction, {
    onSuccess: () => router.refresh(),
    onError: (failure) => setChoiceError(failure.fieldErrors?.moveToStageId ?? null),
  });

  if (isLastOpen) {
    return (
      <div className="space-y-3 text-sm text-slate-700">
        <p>
          {stage.name} is your only open stage, so it stays: new applications need somewhere to go. Add another open
          stage first.
        </p>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Close
        </Button>
      </div>
    );
  }

  const holds = stage.applicationCount > 0;
  const selectId = `stage-${stage.id}-move-to`;
  const submit = () => {
    if (holds && !target) {
      setChoiceError('Choose the stage to move them to.');
      return;
    }
    setChoiceError(null);
    void remove.execute(holds ? { id: stage.id, moveToStageId: target } : { id: stage.id });
  };
  return (
    <div className="space-y-3">
      {remove.error && !choiceError ? (
        <p role="alert" className="text-sm text-red-700">
          {remove.error}
        </p>
      ) : null}
      {holds ? (
        <>
          <p className="text-sm text-slate-700">
            {stage.name} holds {describeCount(stage.applicationCount)}. Move them to another stage first, or choose a
            stage to move them to:
          </p>
          <Field id={selectId} label="Move them to" error={choiceError ?? undefined}>
            <Select
              id={selectId}
              value={target}
              aria-invalid={choiceError ? true : undefined}
              aria-describedby={choiceError ? `${selectId}-error` : undefined}
              onChange={(event) => setTarget(event.target.value)}
              className="max-w-xs"
            >
              <option value="">Choose a stage</option>
              {otherStages.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : (
        <p className="text-sm text-slate-700">
          {stage.name} holds no applications. Its past moves stay in every timeline under its name.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="danger" pending={remove.isPending} onClick={submit}>
          {remove.isPending ? 'Removing…' : holds ? `Move them and remove ${stage.name}` : `Remove ${stage.name}`}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

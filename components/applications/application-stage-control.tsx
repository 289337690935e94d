'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Select, Textarea } from '@/components/ui/form';
import { changeApplicationStageAction } from '@/lib/actions/applications';

type Props = {
  applicationId: string;
  currentStageId: string;
  stages: readonly { id: string; name: string }[];
};

/** Moves the application to another stage, with an optional note for its timeline. */
export function ApplicationStageControl({ applicationId, currentStageId, stages }: Props) {
  const router = useRouter();
  const [stageId, setStageId] = useState(currentStageId);
  const [note, setNote] = useState('');
  const move = useAction(changeApplicationStageAction, {
    onSuccess: () => {
      setNote('');
      router.refresh();
    },
  });
  const unchanged = stageId === currentStageId;

  return (
    <form
      aria-labelledby="stage-control-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void move.execute({ id: applicationId, stageId, note: note || undefined, expectedStageId: currentStageId });
      }}
    >
      <h2 id="stage-control-heading" className="text-lg font-semibold">
        Move to another stage
      </h2>
      {move.error ? <Alert tone="error">{move.error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="stage-select" label="Stage">
          <Select id="stage-select" value={stageId} onChange={(event) => setStageId(event.target.value)}>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
                {stage.id === currentStageId ? ' (current)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="stage-note" label="Note for the timeline (optional)">
          <Textarea
            id="stage-note"
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </Field>
      </div>
      <Button type="submit" pending={move.isPending} disabled={unchanged}>
        {move.isPending ? 'Moving…' : 'Move'}
      </Button>
    </form>
  );
}

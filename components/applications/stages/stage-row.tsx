'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { moveStageAction } from '@/lib/actions/stages';
import { RemoveStagePanel } from './remove-stage-panel';
import { StageSettingsForm } from './stage-settings-form';
import { describeCount, describeThreshold, type StageChoice, type StageItem } from './stage-types';

type StageRowProps = {
  stage: StageItem;
  /** Where it stands among the stages of its kind. */
  place: { index: number; total: number };
  otherStages: readonly StageChoice[];
  isLastOpen: boolean;
};

const smallButton =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50';

/** One stage: its facts, Move up / Move down, and the edit and remove panels it opens. */
export function StageRow({ stage, place, otherStages, isLastOpen }: StageRowProps) {
  const router = useRouter();
  const [panel, setPanel] = useState<'none' | 'edit' | 'remove'>('none');
  const [announcement, setAnnouncement] = useState('');
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  // The button pressed, so focus can follow the stage to its new place after the refresh.
  const focusAfterMove = useRef<'up' | 'down' | null>(null);
  const move = useAction(moveStageAction, {
    onSuccess: (_data, input) => {
      focusAfterMove.current = input.direction;
      router.refresh();
    },
  });

  const isFirst = place.index === 0;
  const isLast = place.index === place.total - 1;
  useEffect(() => {
    const direction = focusAfterMove.current;
    if (!direction) return;
    focusAfterMove.current = null;
    setAnnouncement(`${stage.name} is now ${place.index + 1} of ${place.total}.`);
    const preferred = direction === 'up' ? upRef.current : downRef.current;
    const other = direction === 'up' ? downRef.current : upRef.current;
    (preferred && !preferred.disabled ? preferred : other)?.focus();
  }, [place.index, place.total, stage.name]);

  const headingId = `stage-${stage.id}-name`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={headingId} className="break-words font-semibold text-slate-900">
            {stage.name}
          </h3>
          <p className="text-sm text-slate-600">
            {describeCount(stage.applicationCount)} · {describeThreshold(stage)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            ref={upRef}
            type="button"
            className={smallButton}
            disabled={isFirst || move.isPending}
            aria-busy={move.isPending || undefined}
            onClick={() => void move.execute({ id: stage.id, direction: 'up' })}
          >
            Move up<span className="sr-only">: {stage.name}</span>
          </button>
          <button
            ref={downRef}
            type="button"
            className={smallButton}
            disabled={isLast || move.isPending}
            aria-busy={move.isPending || undefined}
            onClick={() => void move.execute({ id: stage.id, direction: 'down' })}
          >
            Move down<span className="sr-only">: {stage.name}</span>
          </button>
          <button
            type="button"
            className={smallButton}
            aria-expanded={panel === 'edit'}
            onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}
          >
            Edit<span className="sr-only">: {stage.name}</span>
          </button>
          <button
            type="button"
            className={smallButton}
            aria-expanded={panel === 'remove'}
            onClick={() => setPanel(panel === 'remove' ? 'none' : 'remove')}
          >
            Remove<span className="sr-only">: {stage.name}</span>
          </button>
        </div>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {move.error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {move.error}
        </p>
      ) : null}
      {panel === 'edit' ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <StageSettingsForm stage={stage} onDone={() => setPanel('none')} />
        </div>
      ) : null}
      {panel === 'remove' ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <RemoveStagePanel
            stage={stage}
            otherStages={otherStages}
            isLastOpen={isLastOpen}
            onCancel={() => setPanel('none')}
          />
        </div>
      ) : null}
    </article>
  );
}

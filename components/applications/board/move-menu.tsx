'use client';

import { useRef } from 'react';

type Props = {
  label: string;
  currentStageId: string;
  stages: readonly { id: string; name: string }[];
  disabled: boolean;
  onMove: (toStageId: string) => void;
};

/**
 * The plain way to move a card, for anyone who cannot or would rather not drag: a disclosure
 * listing the other stages as buttons. Native <details>, so it opens with Enter or a tap and
 * needs no script to be reachable.
 */
export function MoveMenu({ label, currentStageId, stages, disabled, onMove }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details ref={details} className="group relative text-sm">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-2 py-1 font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        Move to…<span className="sr-only"> (moves {label})</span>
      </summary>
      <ul className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {stages
          .filter((stage) => stage.id !== currentStageId)
          .map((stage) => (
            <li key={stage.id}>
              <button
                type="button"
                disabled={disabled}
                onClick={() => {
                  if (details.current) details.current.open = false;
                  onMove(stage.id);
                }}
                className="block w-full px-3 py-2 text-left hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60"
              >
                <span className="sr-only">Move {label} to </span>
                {stage.name}
              </button>
            </li>
          ))}
      </ul>
    </details>
  );
}

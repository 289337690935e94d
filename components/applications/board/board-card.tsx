'use client';

import { useDraggable } from '@dnd-kit/core';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { CardDragData } from './board-announcements';
import { cardLabel } from './board-state';
import type { BoardCardView } from '@/lib/domain/board-view';
import { daysInStageText, ghostFlagText } from './card-text';
import { MoveMenu } from './move-menu';
import { formatInZone } from '@/lib/domain/time';

const ROUND_FIELDS = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
} as const;

type Props = {
  card: BoardCardView;
  stages: readonly { id: string; name: string }[];
  userTimeZone: string;
  isMoving: boolean;
  /** Set once after a move, so the keyboard user's focus follows the card to its new column. */
  takeFocus: boolean;
  onFocusTaken: () => void;
  onMove: (cardId: string, toStageId: string) => void;
};

/** One application on the board: what it is, where it stands, and the two ways to move it. */
export function BoardCard({ card, stages, userTimeZone, isMoving, takeFocus, onFocusTaken, onMove }: Props) {
  const label = cardLabel(card);
  const data: CardDragData = { label, stageId: card.stageId };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.id, data });
  const handle = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (!takeFocus) return;
    handle.current?.focus();
    onFocusTaken();
  }, [takeFocus, onFocusTaken]);

  return (
    <article
      ref={setNodeRef}
      aria-label={label}
      className={`rounded-md border bg-white p-3 shadow-sm ${isDragging ? 'border-dashed border-brand-600' : 'border-slate-200'}`}
    >
      <div className="flex items-start gap-2">
        <button
          type="button"
          ref={(node) => {
            handle.current = node;
            setActivatorNodeRef(node);
          }}
          {...attributes}
          {...listeners}
          aria-label={`Drag ${label} to another stage`}
          className="-ml-1 flex h-11 w-8 shrink-0 cursor-grab touch-manipulation select-none items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600 active:cursor-grabbing [-webkit-touch-callout:none]"
        >
          <GripIcon />
        </button>
        <div className="min-w-0 flex-1">
          <h3 className="break-words font-semibold">
            <Link
              href={`/applications/${card.id}`}
              className="text-brand-900 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {card.company}
              <span className="block text-sm font-normal text-slate-700">{card.roleTitle}</span>
            </Link>
          </h3>
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {card.nextRound ? (
              <li>
                Next round{card.nextRound.label ? ` (${card.nextRound.label})` : ''}:{' '}
                <time dateTime={card.nextRound.start.toISOString()}>
                  {formatInZone(card.nextRound.start, userTimeZone, ROUND_FIELDS)}
                </time>
              </li>
            ) : null}
            <li>{daysInStageText(card.daysInStage)}</li>
            {card.ghost ? (
              <li className="flex items-center gap-1 rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-900">
                <ClockIcon />
                {ghostFlagText(card.ghost)}
              </li>
            ) : null}
          </ul>
        </div>
      </div>
      <div className="mt-2 flex justify-end">
        <MoveMenu
          label={label}
          currentStageId={card.stageId}
          stages={stages}
          disabled={isMoving}
          onMove={(toStageId) => onMove(card.id, toStageId)}
        />
      </div>
    </article>
  );
}

function GripIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
      <circle cx="7" cy="5" r="1.5" />
      <circle cx="13" cy="5" r="1.5" />
      <circle cx="7" cy="10" r="1.5" />
      <circle cx="13" cy="10" r="1.5" />
      <circle cx="7" cy="15" r="1.5" />
      <circle cx="13" cy="15" r="1.5" />
    </svg>
  );
}

function ClockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor">
      <circle cx="10" cy="10" r="7.5" strokeWidth="1.5" />
      <path d="M10 5.5V10l3 2" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

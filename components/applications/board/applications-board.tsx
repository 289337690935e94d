'use client';

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import { BOARD_INSTRUCTIONS, boardAnnouncements } from './board-announcements';
import { BoardCard } from './board-card';
import { BoardColumn } from './board-column';
import { cardLabel, findCard } from './board-state';
import { BoardStatusLine } from './board-status-line';
import type { BoardColumnView } from '@/lib/domain/board-view';
import { columnKeyboardCoordinates } from './keyboard-coordinates';
import { useBoardMoves } from './use-board-moves';

// The pointer decides where a mouse or a finger drops; a keyboard move has no pointer, so the
// column the held card overlaps most does.
const detectCollision: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

type Props = { columns: readonly BoardColumnView[]; userTimeZone: string };

/** The board: a column per stage, cards moved by mouse, touch, keyboard or each card's Move to menu. */
export function ApplicationsBoard({ columns, userTimeZone }: Props) {
  const { board, status, alert, isMoving, requestMove, undoLast, focusCardId, clearFocus } = useBoardMoves(columns);
  const [activeId, setActiveId] = useState<string | null>(null);
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle stays a click.
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // A short press before a drag starts, so a swipe still scrolls the board and the page.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );
  const stages = useMemo(() => board.map((column) => ({ id: column.id, name: column.name })), [board]);
  const announcements = useMemo(() => {
    const names = new Map(stages.map((stage) => [stage.id, stage.name]));
    return boardAnnouncements((stageId) => names.get(stageId) ?? 'no stage');
  }, [stages]);
  const activeCard = activeId ? findCard(board, activeId) : undefined;

  const onDragStart = ({ active }: DragStartEvent) => setActiveId(String(active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    if (over) requestMove(String(active.id), String(over.id));
  };

  return (
    <div className="space-y-3">
      <BoardStatusLine status={status} alert={alert} isMoving={isMoving} onUndo={undoLast} />
      <DndContext
        id="applications-board"
        sensors={sensors}
        collisionDetection={detectCollision}
        // Scroll the board sideways only when the pointer is at its very edge: dnd-kit's default
        // (a fifth of the board's width) scrolled a column that was in plain view away from under
        // a steady pointer, and the card dropped one or two columns further on.
        autoScroll={{ threshold: { x: 0.06, y: 0.2 } }}
        accessibility={{ announcements, screenReaderInstructions: BOARD_INSTRUCTIONS }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
      >
        {/* relative: the screen-reader-only text in far columns is positioned against the board,
            so the board clips it instead of it widening the page. */}
        <div
          role="region"
          aria-label="Applications board"
          tabIndex={0}
          className="relative -mx-4 flex snap-x snap-mandatory gap-3 overflow-x-auto px-4 pb-4 focus-visible:outline-2 focus-visible:outline-brand-600 sm:mx-0 sm:snap-none sm:px-0"
        >
          {board.map((column) => (
            <BoardColumn key={column.id} column={column}>
              {column.cards.map((card) => (
                <li key={card.id}>
                  <BoardCard
                    card={card}
                    stages={stages}
                    userTimeZone={userTimeZone}
                    isMoving={isMoving}
                    takeFocus={focusCardId === card.id}
                    onFocusTaken={clearFocus}
                    onMove={requestMove}
                  />
                </li>
              ))}
            </BoardColumn>
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {activeCard ? (
            <div className="w-64 rounded-md border border-brand-600 bg-white p-3 font-semibold shadow-lg">
              {cardLabel(activeCard)}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </div>
  );
}

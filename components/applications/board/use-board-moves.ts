'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useOptimistic, useRef, useState } from 'react';
import { cardLabel, findCard, findColumn, moveCardOnBoard } from './board-state';
import type { BoardColumnView } from '@/lib/domain/board-view';
import type { BoardMove } from './board-types';
import { useAction } from '@/components/forms/use-action';
import { moveApplicationAction, undoMoveAction } from '@/lib/actions/board';
import type { ActionFailure } from '@/lib/errors';

export type BoardStatus = { text: string; undo: BoardMove | null };

/** A refusal that means the board shows something that is no longer so: it is read again. */
const STALE_CODES: ReadonlySet<ActionFailure['code']> = new Set(['CONFLICT', 'NOT_FOUND']);

/**
 * The board's moves: each shows at once (useOptimistic, on the columns the page gave), is sent
 * with the stage the board saw the card in, and is then either confirmed by the page's fresh
 * columns, with a status line offering to undo it once, or put back by React with the reason in
 * an alert. A stale board (the card moved in another tab) is refreshed.
 */
export function useBoardMoves(columns: readonly BoardColumnView[]) {
  const router = useRouter();
  const [board, applyMove] = useOptimistic(columns, moveCardOnBoard);
  const [status, setStatus] = useState<BoardStatus>({ text: '', undo: null });
  const [alert, setAlert] = useState<string | null>(null);
  const [focusCardId, setFocusCardId] = useState<string | null>(null);
  // What each move in flight is, by card, so its answer can be worded with the names it had.
  const inFlight = useRef(new Map<string, BoardMove>());
  const undoing = useRef<BoardMove | null>(null);

  const fail = (failure: ActionFailure, prefix: string) => {
    const refreshed = STALE_CODES.has(failure.code);
    setAlert(`${prefix}${failure.message}${refreshed ? ' The board has been refreshed.' : ''}`);
    if (refreshed) router.refresh();
  };

  const move = useAction(moveApplicationAction, {
    onStart: (input) => applyMove({ cardId: input.id, toStageId: input.toStageId }),
    onSuccess: (result, input) => {
      const made = inFlight.current.get(input.id);
      inFlight.current.delete(input.id);
      if (!made) return;
      setStatus(
        result.moved
          ? { text: `Moved ${made.label} to ${made.toName}.`, undo: made }
          : { text: `${made.label} is already in ${made.toName}.`, undo: null },
      );
    },
    onError: (failure, input) => {
      inFlight.current.delete(input.id);
      fail(failure, 'The card was put back. ');
      // The card went back to its column as a new element: focus goes with it again.
      setFocusCardId(input.id);
    },
  });

  const undo = useAction(undoMoveAction, {
    onStart: (input) => applyMove({ cardId: input.id, toStageId: input.toStageId }),
    onSuccess: (_result, input) => {
      const undone = undoing.current;
      setStatus({ text: undone ? `Moved ${undone.label} back to ${undone.fromName}.` : 'Move undone.', undo: null });
      setFocusCardId(input.id);
    },
    onError: (failure) => fail(failure, 'The move could not be undone. '),
  });

  const requestMove = (cardId: string, toStageId: string) => {
    const card = findCard(board, cardId);
    const from = card && findColumn(board, card.stageId);
    const to = findColumn(board, toStageId);
    if (!card || !from || !to || from.id === to.id) return;
    inFlight.current.set(cardId, {
      cardId,
      label: cardLabel(card),
      fromStageId: from.id,
      fromName: from.name,
      toStageId: to.id,
      toName: to.name,
    });
    setAlert(null);
    setFocusCardId(cardId);
    void move.execute({ id: cardId, toStageId: to.id, expectedStageId: from.id });
  };

  const undoLast = () => {
    const last = status.undo;
    if (!last) return;
    // Used once: the button goes as soon as it is pressed, whatever the answer.
    undoing.current = last;
    setStatus({ text: `Moving ${last.label} back to ${last.fromName}…`, undo: null });
    setAlert(null);
    void undo.execute({ id: last.cardId, toStageId: last.fromStageId, expectedStageId: last.toStageId });
  };

  return {
    board,
    status,
    alert,
    isMoving: move.isPending || undo.isPending,
    requestMove,
    undoLast,
    focusCardId,
    clearFocus: useCallback(() => setFocusCardId(null), []),
  };
}

'use client';

import type { BoardStatus } from './use-board-moves';
import { Button } from '@/components/ui/button';

type Props = { status: BoardStatus; alert: string | null; isMoving: boolean; onUndo: () => void };

/**
 * What the last move did, with its Undo, and why a move failed. Both regions are always in the
 * page, empty until there is news, so screen readers announce what is put into them.
 */
export function BoardStatusLine({ status, alert, isMoving, onUndo }: Props) {
  return (
    <>
      <div
        role="alert"
        className={alert ? 'rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800' : ''}
      >
        {alert}
      </div>
      <div
        role="status"
        className={
          status.text
            ? 'flex flex-wrap items-center gap-3 rounded-md border border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-900'
            : ''
        }
      >
        {status.text ? <span>{status.text}</span> : null}
        {status.undo ? (
          <Button type="button" variant="secondary" className="py-1" pending={isMoving} onClick={onUndo}>
            Undo
          </Button>
        ) : null}
      </div>
    </>
  );
}

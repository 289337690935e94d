'use client';

import { useDroppable } from '@dnd-kit/core';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { BoardColumnView } from '@/lib/domain/board-view';

type Props = { column: BoardColumnView; children: ReactNode };

/**
 * One stage: its name and count, then its cards. The whole column is the drop target. On a
 * phone a column is most of the screen wide and snaps into place, so the board scrolls one
 * stage at a time.
 */
export function BoardColumn({ column, children }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const headingId = `stage-${column.id}`;
  const hidden = column.count - column.cards.length;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={`flex w-[85vw] max-w-80 shrink-0 snap-start flex-col rounded-lg border p-2 sm:w-72 ${
        isOver ? 'border-brand-600 bg-brand-50' : 'border-slate-200 bg-slate-50'
      }`}
    >
      <h2 id={headingId} className="flex items-baseline justify-between gap-2 px-1 pb-2 font-semibold text-slate-900">
        <span className="break-words">
          {column.name}
          {column.kind === 'CLOSED' ? <span className="ml-1 text-xs font-normal text-slate-600">(closed)</span> : null}
        </span>
        <span className="rounded-full bg-white px-2 text-sm font-medium text-slate-700 ring-1 ring-slate-200">
          {column.count}
          <span className="sr-only"> {column.count === 1 ? 'application' : 'applications'}</span>
        </span>
      </h2>
      <ul className="flex min-h-16 flex-1 flex-col gap-2">{children}</ul>
      {hidden > 0 ? (
        <Link
          href={`/applications/table?stage=${column.id}`}
          className="mt-2 px-1 text-sm text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {hidden} more in {column.name}
        </Link>
      ) : null}
    </section>
  );
}

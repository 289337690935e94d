// Moving a card by keyboard: once picked up, the left and right arrow keys jump it a whole
// column at a time (dnd-kit's default would nudge it 25 pixels per key press), so each press
// lands over the next stage and is announced as such.
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

type ColumnRect = { id: string; left: number; top: number; width: number };

// Where the card's corner goes inside the target column: clear of its edge, so the card overlaps
// that column more than any other.
const INSET = 8;

/** The point the picked-up card moves to for one arrow key press, or null to stay put. */
export function adjacentColumnOrigin(
  key: string,
  currentId: string | null,
  columns: readonly ColumnRect[],
): { x: number; y: number } | null {
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (step === 0 || currentId === null) return null;
  const ordered = [...columns].sort((a, b) => a.left - b.left);
  const index = ordered.findIndex((column) => column.id === currentId);
  const target = index === -1 ? undefined : ordered[index + step];
  return target ? { x: target.left + INSET, y: target.top + INSET } : null;
}

/** The column under a point, by its horizontal extent (columns sit side by side). */
function columnAt(x: number, columns: readonly ColumnRect[]): string | null {
  return columns.find((column) => x >= column.left && x < column.left + column.width)?.id ?? null;
}

export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (!['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'].includes(event.code)) return undefined;
  // The arrows belong to the drag while a card is held: no page scrolling underneath.
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  const columns: ColumnRect[] = [];
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (rect) columns.push({ id: String(container.id), left: rect.left, top: rect.top, width: rect.width });
  }
  const currentId = over ? String(over.id) : columnAt(collisionRect.left + collisionRect.width / 2, columns);
  return adjacentColumnOrigin(event.code, currentId, columns) ?? undefined;
};

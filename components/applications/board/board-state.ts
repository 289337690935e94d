// The board's optimistic moves: what it shows between a drop and the server's answer. A moved
// card goes to the top of its new column with a fresh stage clock (a stage change resets the
// no-reply clock too), and both counts follow it.
import type { BoardCardView, BoardColumnView } from '@/lib/domain/board-view';

/** "Acme Ltd · Backend Engineer": how the board names an application in text and announcements. */
export function cardLabel(card: Pick<BoardCardView, 'company' | 'roleTitle'>): string {
  return `${card.company} · ${card.roleTitle}`;
}

export function findCard(columns: readonly BoardColumnView[], cardId: string): BoardCardView | undefined {
  for (const column of columns) {
    const card = column.cards.find((candidate) => candidate.id === cardId);
    if (card) return card;
  }
  return undefined;
}

export function findColumn(columns: readonly BoardColumnView[], stageId: string): BoardColumnView | undefined {
  return columns.find((column) => column.id === stageId);
}

/** The board with the card moved to `toStageId`; the same board when either is unknown or it is already there. */
export function moveCardOnBoard(
  columns: readonly BoardColumnView[],
  { cardId, toStageId }: { cardId: string; toStageId: string },
): readonly BoardColumnView[] {
  const card = findCard(columns, cardId);
  if (!card || card.stageId === toStageId || !findColumn(columns, toStageId)) return columns;
  const moved: BoardCardView = { ...card, stageId: toStageId, daysInStage: 0, ghost: null };
  return columns.map((column) => {
    if (column.id === card.stageId) {
      return { ...column, count: column.count - 1, cards: column.cards.filter((item) => item.id !== cardId) };
    }
    if (column.id === toStageId) return { ...column, count: column.count + 1, cards: [moved, ...column.cards] };
    return column;
  });
}

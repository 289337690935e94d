// What a screen reader hears while a card is moved, in the board's own words: the application
// and the stages by name, never dnd-kit's ids.
import type { Active, Announcements, ScreenReaderInstructions } from '@dnd-kit/core';

/** What each card's draggable carries (useDraggable's `data`): its name and the stage it is in. */
export type CardDragData = { label: string; stageId: string };

export const BOARD_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'To move this application to another stage, press Space or Enter to pick it up, the left and right arrow keys to choose the stage, Space or Enter to drop it there, or Escape to cancel. The Move to menu on each card does the same.',
};

function dragData(active: Pick<Active, 'data'>): CardDragData {
  const data = active.data.current as Partial<CardDragData> | undefined;
  return { label: data?.label ?? 'The application', stageId: data?.stageId ?? '' };
}

/** The announcements, given the stages' names by id. */
export function boardAnnouncements(stageName: (stageId: string) => string): Announcements {
  // Whether the held card has left its own column yet: being over it at the start of a drag is
  // not news, and saying so would cut off the pick-up announcement and its instructions.
  let hasLeft = false;
  return {
    onDragStart: ({ active }) => {
      hasLeft = false;
      const { label, stageId } = dragData(active);
      return `Picked up ${label}, in ${stageName(stageId)}. Use the left and right arrow keys to choose a stage.`;
    },
    onDragOver: ({ active, over }) => {
      const { label, stageId } = dragData(active);
      if (!hasLeft && over && String(over.id) === stageId) return undefined;
      hasLeft = true;
      return over ? `${label} is over ${stageName(String(over.id))}.` : `${label} is over no stage.`;
    },
    onDragEnd: ({ active, over }) => {
      const { label, stageId } = dragData(active);
      return over && String(over.id) !== stageId
        ? `${label} dropped in ${stageName(String(over.id))}.`
        : `${label} dropped where it was, in ${stageName(stageId)}.`;
    },
    onDragCancel: ({ active }) => {
      const { label, stageId } = dragData(active);
      return `Moving cancelled. ${label} stays in ${stageName(stageId)}.`;
    },
  };
}

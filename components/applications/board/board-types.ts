// What the board's components keep of a move (the board's data: lib/domain/board-view.ts).

/** A move the user made, remembered so the status line can say it and offer to take it back. */
export type BoardMove = {
  cardId: string;
  label: string;
  fromStageId: string;
  fromName: string;
  toStageId: string;
  toName: string;
};

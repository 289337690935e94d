// What the board shows, as the page hands it over (lib/server/applications/get-board.ts returns
// the same shape; the page's props hold the two together).

export type BoardGhostFlag = { kind: 'no-reply' | 'suggest-ghosted'; days: number };

export type BoardCardView = {
  id: string;
  company: string;
  roleTitle: string;
  stageId: string;
  nextRound: { start: Date; timeZone: string; label: string | null } | null;
  daysInStage: number;
  ghost: BoardGhostFlag | null;
};

export type BoardColumnView = {
  id: string;
  name: string;
  kind: 'OPEN' | 'CLOSED';
  count: number;
  cards: readonly BoardCardView[];
};

/** A move the user made, remembered so the status line can say it and offer to take it back. */
export type BoardMove = {
  cardId: string;
  label: string;
  fromStageId: string;
  fromName: string;
  toStageId: string;
  toName: string;
};

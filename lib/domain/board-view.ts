// What the applications board shows: lib/server/applications/get-board.ts returns it and the
// board's components render it, so the shape is written once, here.

export type BoardGhostFlag = { kind: 'no-reply' | 'suggest-ghosted'; days: number };

export type BoardCardView = {
  id: string;
  company: string;
  roleTitle: string;
  stageId: string;
  nextRound: { start: Date; timeZone: string; label: string | null } | null;
  // Whole days since the application last changed stage (since it was created, without a change).
  daysInStage: number;
  ghost: BoardGhostFlag | null;
};

export type BoardColumnView = {
  id: string;
  name: string;
  kind: 'OPEN' | 'CLOSED';
  // Every application in the stage, including those a capped closed column leaves out.
  count: number;
  cards: readonly BoardCardView[];
};

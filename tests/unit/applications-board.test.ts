import type { Active, Over } from '@dnd-kit/core';
import { boardAnnouncements } from '@/components/applications/board/board-announcements';
import { cardLabel, moveCardOnBoard } from '@/components/applications/board/board-state';
import type { BoardCardView, BoardColumnView } from '@/lib/domain/board-view';
import { daysInStageText, ghostFlagText } from '@/components/applications/board/card-text';
import { adjacentColumnOrigin } from '@/components/applications/board/keyboard-coordinates';

const card = (id: string, stageId: string, overrides: Partial<BoardCardView> = {}): BoardCardView => ({
  id,
  company: `Company ${id}`,
  roleTitle: 'Engineer',
  stageId,
  nextRound: null,
  daysInStage: 9,
  ghost: { kind: 'no-reply', days: 20 },
  ...overrides,
});

const board: readonly BoardColumnView[] = [
  { id: 'applied', name: 'Applied', kind: 'OPEN', count: 2, cards: [card('a', 'applied'), card('b', 'applied')] },
  { id: 'screening', name: 'Screening', kind: 'OPEN', count: 1, cards: [card('c', 'screening')] },
  // A capped closed column: more applications than cards.
  { id: 'rejected', name: 'Rejected', kind: 'CLOSED', count: 60, cards: [card('d', 'rejected')] },
];

describe('moving a card on the board before the server answers', () => {
  it('puts it on top of the new column with a fresh stage clock, and both counts follow', () => {
    const moved = moveCardOnBoard(board, { cardId: 'b', toStageId: 'rejected' });
    expect(moved.map((column) => [column.id, column.count, column.cards.map((item) => item.id)])).toEqual([
      ['applied', 1, ['a']],
      ['screening', 1, ['c']],
      ['rejected', 61, ['b', 'd']],
    ]);
    expect(moved[2]?.cards[0]).toMatchObject({ id: 'b', stageId: 'rejected', daysInStage: 0, ghost: null });
    // The board it came from is left as it was, for React to fall back to.
    expect(board[0]?.cards.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('changes nothing for a card already there, an unknown card or an unknown stage', () => {
    expect(moveCardOnBoard(board, { cardId: 'a', toStageId: 'applied' })).toBe(board);
    expect(moveCardOnBoard(board, { cardId: 'zz', toStageId: 'screening' })).toBe(board);
    expect(moveCardOnBoard(board, { cardId: 'a', toStageId: 'gone' })).toBe(board);
  });
});

describe('moving a held card by keyboard', () => {
  // Out of order on purpose: the columns are taken left to right by position on screen.
  const columns = [
    { id: 'screening', left: 300, top: 100, width: 280 },
    { id: 'applied', left: 0, top: 100, width: 280 },
    { id: 'rejected', left: 600, top: 100, width: 280 },
  ];

  it('jumps one whole column per arrow key, inside the target column', () => {
    expect(adjacentColumnOrigin('ArrowRight', 'applied', columns)).toEqual({ x: 308, y: 108 });
    expect(adjacentColumnOrigin('ArrowRight', 'screening', columns)).toEqual({ x: 608, y: 108 });
    expect(adjacentColumnOrigin('ArrowLeft', 'rejected', columns)).toEqual({ x: 308, y: 108 });
  });

  it('stays put at either end, for up and down, and when it is over no column', () => {
    expect(adjacentColumnOrigin('ArrowLeft', 'applied', columns)).toBeNull();
    expect(adjacentColumnOrigin('ArrowRight', 'rejected', columns)).toBeNull();
    expect(adjacentColumnOrigin('ArrowDown', 'applied', columns)).toBeNull();
    expect(adjacentColumnOrigin('ArrowRight', null, columns)).toBeNull();
  });
});

describe('the words on a card and in announcements', () => {
  it('names the application by company and role', () => {
    expect(cardLabel({ company: 'Acme Ltd', roleTitle: 'Engineer' })).toBe('Acme Ltd · Engineer');
  });

  it('says how long the card has been in its stage', () => {
    expect(daysInStageText(0)).toBe('In this stage since today');
    expect(daysInStageText(1)).toBe('In this stage 1 day');
    expect(daysInStageText(12)).toBe('In this stage 12 days');
  });

  it('says the flag in words, with the Ghosted question once the second wait has passed', () => {
    expect(ghostFlagText({ kind: 'no-reply', days: 15 })).toBe('No reply for 15 days');
    expect(ghostFlagText({ kind: 'suggest-ghosted', days: 29 })).toBe('Ghosted? No reply for 29 days');
  });

  it('announces moves with the application and the stages by name', () => {
    const names: Record<string, string> = { applied: 'Applied', screening: 'Screening' };
    const announce = boardAnnouncements((id) => names[id] ?? 'no stage');
    const active = {
      id: 'a',
      data: { current: { label: 'Acme Ltd · Engineer', stageId: 'applied' } },
    } as unknown as Active;
    const over = (id: string) => ({ id }) as Over;

    expect(announce.onDragStart({ active })).toBe(
      'Picked up Acme Ltd · Engineer, in Applied. Use the left and right arrow keys to choose a stage.',
    );
    // Over its own column as the drag starts: nothing to say yet, so the pick-up is heard whole.
    expect(announce.onDragOver({ active, over: over('applied') })).toBeUndefined();
    expect(announce.onDragOver({ active, over: over('screening') })).toBe('Acme Ltd · Engineer is over Screening.');
    expect(announce.onDragOver({ active, over: over('applied') })).toBe('Acme Ltd · Engineer is over Applied.');
    expect(announce.onDragEnd({ active, over: over('screening') })).toBe('Acme Ltd · Engineer dropped in Screening.');
    expect(announce.onDragEnd({ active, over: over('applied') })).toBe(
      'Acme Ltd · Engineer dropped where it was, in Applied.',
    );
    expect(announce.onDragCancel({ active, over: null })).toBe(
      'Moving cancelled. Acme Ltd · Engineer stays in Applied.',
    );
  });
});

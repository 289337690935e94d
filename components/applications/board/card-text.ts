// The words on a card. Every fact is said in text (the ghost flag has an icon beside its words,
// never a colour alone), so it reads the same to a screen reader and in high-contrast mode.
import type { BoardGhostFlag } from '@/lib/domain/board-view';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "In this stage 12 days"; "In this stage since today" on the day of the move. */
export function daysInStageText(days: number): string {
  return days === 0 ? 'In this stage since today' : `In this stage ${plural(days, 'day', 'days')}`;
}

/** "No reply for 15 days", or with the suggestion once a second wait has passed. */
export function ghostFlagText(flag: BoardGhostFlag): string {
  const quiet = `No reply for ${plural(flag.days, 'day', 'days')}`;
  return flag.kind === 'suggest-ghosted' ? `Ghosted? ${quiet}` : quiet;
}

import 'server-only';
import { getBoard } from '@/lib/server/applications/get-board';

/**
 * The applications board: every stage as a column with its cards. Three statements whatever the
 * account holds; `isEmpty` when the user has no application at all, for the page's first steps.
 */
export async function loadBoardPage(user: { id: string; timeZone: string }, now = new Date()) {
  const columns = await getBoard(user.id, now);
  return { columns, isEmpty: columns.every((column) => column.count === 0) };
}

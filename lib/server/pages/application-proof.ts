import 'server-only';
import { listProofOfSearch } from '@/lib/server/applications/list-proof-of-search';
import type { ProofRange } from '@/lib/validation/proof';

type PageUser = { id: string; timeZone: string };

/** The proof-of-search page: the rows of the range, or none while the range is refused. */
export async function loadProofPage(user: PageUser, range: ProofRange | null) {
  if (!range) return { rows: [], isTruncated: false };
  return listProofOfSearch(user.id, user.timeZone, range);
}

import 'server-only';
import { getDb } from '@/lib/db';
import type { ProofRow } from '@/lib/domain/proof-of-search';
import { isValidTimeZone } from '@/lib/domain/time';
import type { ProofRange } from '@/lib/validation/proof';
import { readProofOfSearch } from './read-proof-of-search';

/**
 * Rows the printable page shows at most. Two years of a busy search fit; past it the page says
 * so and the CSV, which streams, has them all.
 */
export const PROOF_PAGE_LIMIT = 1000;

/** The proof of job search for a range, for the printable page, in two statements. */
export async function listProofOfSearch(
  userId: string,
  timeZone: string,
  range: ProofRange,
): Promise<{ rows: ProofRow[]; isTruncated: boolean }> {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const rows = await readProofOfSearch(getDb(), userId, zone, range, { take: PROOF_PAGE_LIMIT + 1 });
  return { rows: rows.slice(0, PROOF_PAGE_LIMIT), isTruncated: rows.length > PROOF_PAGE_LIMIT };
}

import 'server-only';
import type { Tx } from '@/lib/db';
import { createCsvWriter } from '@/lib/domain/csv';
import { PROOF_CSV_HEADERS, toProofCells } from '@/lib/domain/proof-of-search';
import { isValidTimeZone } from '@/lib/domain/time';
import { openSnapshotStream } from '@/lib/server/snapshots/open-snapshot-stream';
import type { ProofRange } from '@/lib/validation/proof';
import { readProofOfSearch, type ProofCursor } from './read-proof-of-search';

/** Applications per read: each batch is two statements, whatever its size. */
export const PROOF_CSV_BATCH_SIZE = 500;

async function* writeProofCsv(
  tx: Tx,
  userId: string,
  timeZone: string,
  range: ProofRange,
  batchSize: number,
): AsyncGenerator<string> {
  // The BOM: Excel, where these files are usually opened, reads UTF-8 only with it.
  const csv = createCsvWriter(PROOF_CSV_HEADERS, { bom: true });
  let header = csv.header;
  let after: ProofCursor | undefined;
  for (;;) {
    const rows = await readProofOfSearch(tx, userId, timeZone, range, { after, take: batchSize });
    const last = rows.at(-1);
    if (!last) {
      // A range with nothing in it is still a file: the header alone.
      if (header) yield header;
      return;
    }
    yield header + rows.map((row) => csv.row(toProofCells(row))).join('');
    header = '';
    if (rows.length < batchSize) return;
    after = { date: last.date, id: last.id };
  }
}

/** The proof of job search for a range as CSV, the same rows as the printable page, from one snapshot. */
export function streamProofOfSearchCsv(
  userId: string,
  timeZone: string,
  range: ProofRange,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<ReadableStream<Uint8Array>> {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const batchSize = options.batchSize ?? PROOF_CSV_BATCH_SIZE;
  return openSnapshotStream((tx) => writeProofCsv(tx, userId, zone, range, batchSize), { signal: options.signal });
}

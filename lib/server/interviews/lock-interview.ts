import 'server-only';
import type { Tx } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

/**
 * Locks the user's interview row for the rest of the transaction, so two submissions for the same
 * interview run one after the other and the second sees what the first wrote. Another user's
 * interview is not found, exactly like a missing one.
 */
export async function lockInterview(tx: Tx, userId: string, interviewId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Interview" WHERE "id" = ${interviewId} AND "userId" = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('interview');
}

import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { sendCsvImportJob } from '@/lib/server/jobs/queues';

/**
 * Starts an import the user confirmed: QUEUED and its job sent in one transaction, so a job
 * exists exactly when the status says so. Confirming twice (two tabs, a double click that got
 * through) queues it once; an import already running or done is left as it is.
 */
export async function confirmCsvImport(userId: string, id: string): Promise<{ id: string; queued: boolean }> {
  return getDb().$transaction(async (tx) => {
    const job = await tx.importJob.findFirst({ where: { id, userId, kind: 'CSV' }, select: { status: true } });
    if (!job) throw new NotFoundError('import');
    const queued = await tx.importJob.updateMany({
      where: { id, userId, status: 'PREVIEW' },
      data: { status: 'QUEUED', processedRows: 0 },
    });
    if (queued.count === 0) return { id, queued: false };
    await sendCsvImportJob(tx, id);
    return { id, queued: true };
  });
}

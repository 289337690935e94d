import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

const csvImportSelect = {
  id: true,
  status: true,
  fileName: true,
  fileBytes: true,
  content: true,
  options: true,
  totalRows: true,
  processedRows: true,
  report: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

/** One CSV import of the user's, file and choices included; someone else's, or a calendar import, is not found. */
export async function getCsvImport(userId: string, id: string) {
  const job = await getDb().importJob.findFirst({ where: { id, userId, kind: 'CSV' }, select: csvImportSelect });
  if (!job) throw new NotFoundError('import');
  return job;
}

import 'server-only';
import { getDb } from '@/lib/db';
import type { CsvImportOptions } from '@/lib/domain/csv-import';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CsvImportChoices } from '@/lib/validation/imports';

export const IMPORT_STARTED_MESSAGE = 'This import has already started, so its choices can no longer change.';

/**
 * Saves the mapping step's choices on an import that has not started. The columns must be as
 * many as the file has, and every stage chosen one of the user's: a stage removed meanwhile
 * (in another tab) is a field error on its row, and nothing is saved.
 */
export async function saveCsvImportOptions(userId: string, id: string, choices: CsvImportChoices): Promise<void> {
  const db = getDb();
  const [job, stages] = await Promise.all([
    db.importJob.findFirst({
      where: { id, userId, kind: 'CSV' },
      select: { status: true, options: true, content: true },
    }),
    db.applicationStage.findMany({ where: { userId }, select: { id: true } }),
  ]);
  if (!job) throw new NotFoundError('import');
  if (job.status !== 'PREVIEW') throw new ConflictError(IMPORT_STARTED_MESSAGE);
  const stored = job.options as Partial<CsvImportOptions>;
  const columnCount = Array.isArray(stored.columns) ? stored.columns.length : 0;
  if (choices.columns.length !== columnCount) {
    throw new ValidationError(`The file has ${columnCount} columns; choose a field or "Skip" for each of them.`);
  }
  const stageIds = new Set(stages.map((stage) => stage.id));
  const fieldErrors: Record<string, string> = {};
  choices.stages.forEach((entry, index) => {
    if (entry.stageId !== null && !stageIds.has(entry.stageId)) {
      fieldErrors[`stages.${index}.stageId`] = 'That stage no longer exists. Choose another one.';
    }
  });
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError('Check the highlighted fields.', fieldErrors);

  const options: CsvImportOptions = {
    presetId: stored.presetId ?? null,
    columns: choices.columns,
    stageMap: Object.fromEntries(choices.stages.map((entry) => [entry.value, entry.stageId])),
    dateOrder: choices.dateOrder,
    timeZone: choices.timeZone,
  };
  const saved = await db.importJob.updateMany({
    where: { id, userId, status: 'PREVIEW' },
    data: { options: options as unknown as Prisma.InputJsonValue },
  });
  if (saved.count !== 1) throw new ConflictError(IMPORT_STARTED_MESSAGE);
}

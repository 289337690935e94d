import 'server-only';
import { getDb } from '@/lib/db';
import type { CsvImportOptions } from '@/lib/domain/csv-import';
import { collectStageValues, suggestStageMap } from '@/lib/domain/csv-import-mapping';
import { findPreset } from '@/lib/domain/csv-import-presets';
import { parseCsvText } from '@/lib/domain/csv-import-read';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CsvImportChoices } from '@/lib/validation/imports';

export const IMPORT_STARTED_MESSAGE = 'This import has already started, so its choices can no longer change.';

/**
 * A stage column chosen anew brings values the form has not shown yet: they get the same first
 * guess an upload gives, and the page shows them to check.
 */
function suggestNewStageValues(
  content: string | null,
  choices: CsvImportChoices,
  chosen: Record<string, string | null>,
  stages: { id: string; name: string; systemKey: string | null }[],
  presetId: string | null,
): Record<string, string | null> {
  const parsed = content === null ? null : parseCsvText(content);
  if (!parsed?.ok) return {};
  const values = collectStageValues(parsed.table, choices.columns)
    .map((entry) => entry.value)
    .filter((value) => !(value in chosen));
  return values.length ? suggestStageMap(values, stages, findPreset(presetId)) : {};
}

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
    db.applicationStage.findMany({ where: { userId }, select: { id: true, name: true, systemKey: true } }),
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

  const chosen = Object.fromEntries(choices.stages.map((entry) => [entry.value, entry.stageId]));
  const options: CsvImportOptions = {
    presetId: stored.presetId ?? null,
    columns: choices.columns,
    stageMap: { ...suggestNewStageValues(job.content, choices, chosen, stages, stored.presetId ?? null), ...chosen },
    dateOrder: choices.dateOrder,
    timeZone: choices.timeZone,
  };
  const saved = await db.importJob.updateMany({
    where: { id, userId, status: 'PREVIEW' },
    data: { options: options as unknown as Prisma.InputJsonValue },
  });
  if (saved.count !== 1) throw new ConflictError(IMPORT_STARTED_MESSAGE);
}

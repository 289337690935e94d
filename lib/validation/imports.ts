import { z } from 'zod/mini';
import { IMPORT_FIELDS, type ImportField } from '@/lib/domain/csv-import';
import { IMPORT_FIELD_LABELS } from '@/lib/domain/csv-import-mapping';
import { idSchema, timeZoneSchema } from './common';

const MAX_COLUMNS = 60;
const MAX_STAGE_VALUES = 500;

/**
 * The mapping step's choices as its form sends them: one field (or null, to skip) per column,
 * the file's stage values each with a stage of the user's (null: where a new application
 * starts), the order of ambiguous dates and the zone of times without one. A field may fill one
 * column only; which stages exist is checked against the database.
 */
export const csvImportChoicesSchema = z
  .object({
    columns: z.array(z.nullable(z.enum(IMPORT_FIELDS))).check(z.maxLength(MAX_COLUMNS)),
    stages: z
      .array(z.object({ value: z.string().check(z.maxLength(5000)), stageId: z.nullable(z.string()) }))
      .check(z.maxLength(MAX_STAGE_VALUES)),
    dateOrder: z.enum(['DMY', 'MDY', 'YMD']),
    timeZone: timeZoneSchema,
  })
  .check(
    z.superRefine((value, ctx) => {
      const firstColumn = new Map<ImportField, number>();
      value.columns.forEach((field, index) => {
        if (!field) return;
        const first = firstColumn.get(field);
        if (first === undefined) {
          firstColumn.set(field, index);
          return;
        }
        ctx.issues.push({
          code: 'custom',
          input: field,
          path: ['columns', index],
          message: `${IMPORT_FIELD_LABELS[field]} is already column ${first + 1}. Choose one column for it, or skip this one.`,
        });
      });
    }),
  );

export type CsvImportChoices = z.output<typeof csvImportChoicesSchema>;

export const saveCsvImportOptionsSchema = z.object({ id: idSchema('import'), values: csvImportChoicesSchema });

export const importIdSchema = z.object({ id: idSchema('import') });

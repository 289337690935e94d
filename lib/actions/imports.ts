'use server';

import { authedAction } from './client';
import { confirmCsvImport } from '@/lib/server/imports/confirm-csv-import';
import { saveCsvImportOptions } from '@/lib/server/imports/save-csv-import-options';
import { importIdSchema, saveCsvImportOptionsSchema } from '@/lib/validation/imports';

/** Saves the mapping step's choices; the page then shows the preview and dry run they give. */
export const saveCsvImportOptionsAction = authedAction(
  saveCsvImportOptionsSchema,
  async ({ id, values }, { user }) => {
    await saveCsvImportOptions(user.id, id, values);
    return { id };
  },
  { returnTo: '/imports' },
);

/** "Import N rows": queues the import; nothing is written before this. */
export const confirmCsvImportAction = authedAction(
  importIdSchema,
  ({ id }, { user }) => confirmCsvImport(user.id, id),
  { returnTo: '/imports' },
);

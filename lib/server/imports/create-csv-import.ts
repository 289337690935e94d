import 'server-only';
import { getDb } from '@/lib/db';
import { CSV_IMPORT_LIMITS } from '@/lib/domain/csv-import';
import { defaultOptions } from '@/lib/domain/csv-import-mapping';
import { decodeCsvBytes, parseCsvText } from '@/lib/domain/csv-import-read';
import type { Prisma } from '@/lib/generated/prisma/client';
import { listStageChoices } from '@/lib/server/applications/list-stage-choices';
import type { Upload, UploadRules } from './read-upload';

/** What the CSV upload route takes (docs/ARCHITECTURE.md, "Uploads and bulk writes"). */
export const CSV_UPLOAD_RULES: UploadRules = {
  maxBytes: CSV_IMPORT_LIMITS.maxBytes,
  types: ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/vnd.ms-excel', 'application/csv'],
  extensions: ['.csv', '.tsv', '.txt'],
  label: 'a CSV file',
};

export type CreateCsvImportResult = { ok: true; id: string } | { ok: false; message: string };

/**
 * Reads an uploaded CSV and keeps it, unwritten, for the mapping step: decoded (BOM, UTF-16,
 * Windows-1252), parsed, and with the columns and stages matched as well as the headers allow.
 * A file that cannot be read answers its message and nothing is stored.
 */
export async function createCsvImport(
  user: { id: string; timeZone: string },
  upload: Upload,
): Promise<CreateCsvImportResult> {
  const decoded = decodeCsvBytes(upload.bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const stages = await listStageChoices(user.id);
  const options = defaultOptions(parsed.table, stages, user.timeZone);
  const job = await getDb().importJob.create({
    data: {
      userId: user.id,
      kind: 'CSV',
      status: 'PREVIEW',
      fileName: upload.fileName.slice(0, 255),
      fileBytes: upload.bytes.byteLength,
      content: decoded.text,
      totalRows: parsed.table.rows.length,
      options: options as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { ok: true, id: job.id };
}

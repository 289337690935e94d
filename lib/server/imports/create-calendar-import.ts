import 'server-only';
import { getDb } from '@/lib/db';
import { decodeInvitationBytes, INVITATION_MESSAGES, readInvitation } from '@/lib/domain/invitation';
import type { Upload } from './read-upload';

export type CalendarImportResult = { ok: true; id: string; events: number } | { ok: false; message: string };

/**
 * Keeps an uploaded invitation for the user to confirm: read first, so a file that cannot be
 * imported is refused with its reason and nothing is written; then one ImportJob row holding the
 * text, which the preview and every confirmation read again (never what the browser sends back).
 */
export async function createCalendarImport(userId: string, upload: Upload): Promise<CalendarImportResult> {
  const text = decodeInvitationBytes(upload.bytes);
  if (text === null) return { ok: false, message: INVITATION_MESSAGES.binary };
  const read = readInvitation(text);
  if (!read.ok) return read;
  const job = await getDb().importJob.create({
    data: {
      userId,
      kind: 'CALENDAR',
      status: 'PREVIEW',
      fileName: upload.fileName.slice(0, 255),
      fileBytes: upload.bytes.byteLength,
      content: text,
      totalRows: read.invitation.events.length,
    },
    select: { id: true },
  });
  return { ok: true, id: job.id, events: read.invitation.events.length };
}

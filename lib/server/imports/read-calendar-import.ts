import 'server-only';
import type { Tx } from '@/lib/db';
import { getDb } from '@/lib/db';
import { readInvitation, type Invitation, type InvitationEvent } from '@/lib/domain/invitation';
import { NotFoundError, ValidationError } from '@/lib/errors';

/** An imported invitation file of the user's, read again from the text kept at upload. */
export type CalendarImport = { id: string; fileName: string; createdAt: Date; invitation: Invitation };

/**
 * The user's calendar import, or NotFoundError (another user's import answers like a missing
 * one). The text was read at upload; reading it again gives the same events.
 */
export async function readCalendarImport(userId: string, importId: string, tx: Tx = getDb()): Promise<CalendarImport> {
  const job = await tx.importJob.findFirst({
    where: { id: importId, userId, kind: 'CALENDAR' },
    select: { id: true, fileName: true, createdAt: true, content: true },
  });
  if (!job || job.content === null) throw new NotFoundError('import');
  const read = readInvitation(job.content);
  if (!read.ok) throw new ValidationError(read.message);
  return { id: job.id, fileName: job.fileName, createdAt: job.createdAt, invitation: read.invitation };
}

/** One event of the user's import, by its UID, or NotFoundError. */
export async function readInvitationEvent(
  userId: string,
  importId: string,
  uid: string,
  tx: Tx = getDb(),
): Promise<InvitationEvent> {
  const { invitation } = await readCalendarImport(userId, importId, tx);
  const event = invitation.events.find((candidate) => candidate.uid === uid);
  if (!event) throw new NotFoundError('invitation event');
  return event;
}

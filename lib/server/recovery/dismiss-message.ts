import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { type MessageRefInput, messageRefSchema } from '@/lib/validation/recovery';
import { parseInput } from './guards';

/**
 * The user decided not to send a draft after all: it stops being listed as still to send. The
 * text stays in the recovery's history. Dismissing twice answers like the first time.
 *
 * Throws NotFoundError for a message that is missing or not the user's, and ValidationError for
 * one that was sent (or is being sent) already.
 */
export async function dismissMessage(userId: string, input: MessageRefInput): Promise<{ dismissedAt: Date }> {
  const data = parseInput(messageRefSchema, input);
  const db = getDb();
  const dismissedAt = new Date();
  const { count } = await db.message.updateMany({
    where: { id: data.messageId, userId, status: { in: ['DRAFT', 'FAILED'] }, dismissedAt: null },
    data: { dismissedAt },
  });
  if (count === 1) return { dismissedAt };
  const message = await db.message.findFirst({ where: { id: data.messageId, userId }, select: { status: true, dismissedAt: true } });
  if (!message) throw new NotFoundError('message');
  if (message.dismissedAt) return { dismissedAt: message.dismissedAt };
  throw new ValidationError('This message has been sent already, so there is nothing to dismiss.');
}

import 'server-only';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';

/** Deletes the account and, through the cascades, every row that belongs to it. */
export async function deleteAccount(userId: string, confirmEmail: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (confirmEmail.trim().toLowerCase() !== user.email) {
    throw new ValidationError('Type your account email exactly to confirm.', {
      confirmEmail: `Type ${user.email} to confirm.`,
    });
  }
  await db.user.delete({ where: { id: userId } });
}

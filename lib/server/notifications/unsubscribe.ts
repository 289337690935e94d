import 'server-only';
import { getDb, type Tx } from '@/lib/db';
import { resyncUserReminders } from '@/lib/server/reminders/resync-user-reminders';
import { createUnsubscribeToken } from './reminder-preferences';

type Db = Pick<Tx, 'notificationPreference'>;

/** The user's unsubscribe token (made with their preference row the first time it is needed) and whether they used it. */
export async function ensureUnsubscribeToken(
  db: Db,
  userId: string,
): Promise<{ token: string; emailUnsubscribedAt: Date | null }> {
  const row = await db.notificationPreference.upsert({
    where: { userId },
    create: { userId, unsubscribeToken: createUnsubscribeToken() },
    update: {},
    select: { unsubscribeToken: true, emailUnsubscribedAt: true },
  });
  return { token: row.unsubscribeToken, emailUnsubscribedAt: row.emailUnsubscribedAt };
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export type UnsubscribeResult = { found: false } | { found: true; email: string; alreadyUnsubscribed: boolean };

/**
 * One click from an email: reminder emails stop for the owner of the token, and the waiting
 * reminders drop their email channel in the same transaction. No sign-in: the token is the
 * permission, and it can do nothing else. Repeating it answers like the first time.
 */
export async function unsubscribeFromReminderEmails(token: string, now: Date = new Date()): Promise<UnsubscribeResult> {
  if (!TOKEN_PATTERN.test(token)) return { found: false };
  return getDb().$transaction(async (tx) => {
    const row = await tx.notificationPreference.findUnique({
      where: { unsubscribeToken: token },
      select: { userId: true, emailUnsubscribedAt: true, user: { select: { email: true } } },
    });
    if (!row) return { found: false };
    if (row.emailUnsubscribedAt) return { found: true, email: row.user.email, alreadyUnsubscribed: true };
    await tx.notificationPreference.update({ where: { userId: row.userId }, data: { emailUnsubscribedAt: now } });
    await resyncUserReminders(tx, row.userId, now);
    return { found: true, email: row.user.email, alreadyUnsubscribed: false };
  });
}

/** Whether a token belongs to someone (the confirmation page says so before the click). */
export async function findUnsubscribeToken(
  token: string,
): Promise<{ email: string; alreadyUnsubscribed: boolean } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await getDb().notificationPreference.findUnique({
    where: { unsubscribeToken: token },
    select: { emailUnsubscribedAt: true, user: { select: { email: true } } },
  });
  return row ? { email: row.user.email, alreadyUnsubscribed: row.emailUnsubscribedAt !== null } : null;
}

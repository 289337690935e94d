import 'server-only';
import { getDb } from '@/lib/db';
import { resyncUserReminders } from '@/lib/server/reminders/resync-user-reminders';
import { type SessionUser, sessionUserSelect } from './session-user';

/** The evening-before time and quiet hours are read in the user's zone: a new zone moves waiting reminders with it. */
async function updateUserAndReminders(userId: string, data: { name?: string; timeZone: string }): Promise<SessionUser> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true } });
    const user = await tx.user.update({ where: { id: userId }, data, select: sessionUserSelect });
    if (before.timeZone !== data.timeZone) await resyncUserReminders(tx, userId);
    return user;
  });
}

export async function updateProfile(userId: string, input: { name: string; timeZone: string }): Promise<SessionUser> {
  return updateUserAndReminders(userId, input);
}

export async function updateTimeZone(userId: string, timeZone: string): Promise<SessionUser> {
  return updateUserAndReminders(userId, { timeZone });
}

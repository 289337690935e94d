import 'server-only';
import { getDb } from '@/lib/db';
import { endAllSessions } from './end-all-sessions';

/** "Sign out everywhere": every device of the user, this one included, is signed out. */
export async function revokeAllSessions(userId: string, now = new Date()): Promise<void> {
  await getDb().$transaction((tx) => endAllSessions(tx, userId, now));
}

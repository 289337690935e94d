import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

/** Forgets one of the user's browsers; another user's endpoint answers like a missing one. */
export async function deletePushSubscription(userId: string, endpoint: string): Promise<void> {
  const { count } = await getDb().pushSubscription.deleteMany({ where: { userId, endpoint } });
  if (count === 0) throw new NotFoundError('push subscription');
}

import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { getCheckInLink } from '@/lib/server/notifications/check-in-link';

/** The check-in page: what the link opens. A malformed, missing or foreign token throws NotFoundError. */
export async function loadCheckInPage(userId: string, token: string, now = new Date()) {
  const link = await getCheckInLink(userId, token, now);
  if (!link) throw new NotFoundError('check-in link');
  return { link };
}

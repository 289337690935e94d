import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { findLatestLateNotice } from '@/lib/server/late-notices/find-late-notice';
import { getCheckInLink } from '@/lib/server/notifications/check-in-link';

/** The check-in page: what the link opens. A malformed, missing or foreign token throws NotFoundError. */
export async function loadCheckInPage(userId: string, token: string, now = new Date()) {
  const link = await getCheckInLink(userId, token, now);
  if (!link) throw new NotFoundError('check-in link');
  // The answers change when the user told the employer they would be late.
  const lateNotice = link.state === 'open' ? await findLatestLateNotice(userId, link.interview.id) : null;
  return { link, lateNotice };
}

import 'server-only';
import { getDb } from '@/lib/db';
import { NO_SHOW_AFTER_MINUTES } from '@/lib/domain/employer-no-show';

/** How many started interviews the dashboard offers "They didn't show up" for at once. */
export const NO_SHOW_OFFERS_SHOWN = 3;
// An interview that started longer ago than this is in "Needs an answer" rather than under way.
const OFFER_LOOKBACK_MS = 12 * 60 * 60_000;

/**
 * The interviews for which the dashboard offers "They didn't show up": still scheduled, started
 * at least five minutes ago (within the last twelve hours), with no recovery open. One statement.
 */
export async function listNoShowOffers(userId: string, now = new Date()) {
  return getDb().interview.findMany({
    where: {
      userId,
      status: 'SCHEDULED',
      scheduledStart: {
        lte: new Date(now.getTime() - NO_SHOW_AFTER_MINUTES * 60_000),
        gt: new Date(now.getTime() - OFFER_LOOKBACK_MS),
      },
      incidents: { none: { closedAt: null } },
    },
    orderBy: [{ scheduledStart: 'desc' }, { id: 'desc' }],
    take: NO_SHOW_OFFERS_SHOWN,
    select: { id: true, roleTitle: true, company: true, scheduledStart: true, timeZone: true },
  });
}

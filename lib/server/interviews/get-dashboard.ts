import 'server-only';
import { getDb } from '@/lib/db';
import { NO_SHOW_AFTER_MINUTES } from '@/lib/domain/employer-no-show';
import { CHECK_IN_GRACE_MINUTES } from '@/lib/domain/travel';
import { interviewListSelect } from './interview-select';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** How many interviews the week-ahead card lists; the rest are a link away, in the list. */
export const WEEK_AHEAD_SHOWN = 8;

/** How many interviews the "Needs an answer" card offers a check-in for at once. */
export const NEEDS_ANSWER_SHOWN = 5;

/** How many interviews under way the dashboard offers "They didn't show up" for at once. */
export const NO_SHOW_OFFERS_SHOWN = 3;

/**
 * The interviews the dashboard shows: two reads run together, each bounded whatever the user's
 * history, so a user with a crowded week gets the same page as anyone else plus "more" links.
 * The week ahead is a prefix of the upcoming interviews in start order and the next interview is
 * the first of them, so one read answers both; one row past what is shown says whether there is more.
 */
export async function getDashboard(userId: string, now = new Date()) {
  const db = getDb();
  // An interview needs an answer once start + duration + the grace period has passed; the
  // widest duration a form accepts bounds the range, the exact test runs per row.
  const [upcoming, unanswered] = await Promise.all([
    db.interview.findMany({
      where: { userId, status: 'SCHEDULED', scheduledStart: { gte: now } },
      orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
      take: WEEK_AHEAD_SHOWN + 1,
      // The next interview's card is what the user acts on: who to call, where to go.
      select: { ...interviewListSelect, contactName: true, contactPhone: true },
    }),
    db.interview.findMany({
      where: {
        userId,
        status: 'SCHEDULED',
        // From five minutes after the start: an interview under way may be the employer's no-show.
        scheduledStart: { lt: new Date(now.getTime() - NO_SHOW_AFTER_MINUTES * 60_000) },
      },
      orderBy: [{ scheduledStart: 'desc' }, { id: 'desc' }],
      take: 20 + NO_SHOW_OFFERS_SHOWN,
      select: { ...interviewListSelect, _count: { select: { incidents: { where: { closedAt: null } } } } },
    }),
  ]);
  const weekEnd = now.getTime() + WEEK_MS;
  const thisWeek = upcoming.filter((item) => item.scheduledStart.getTime() < weekEnd);
  const due = unanswered.filter(
    (item) => item.scheduledStart.getTime() + (item.durationMinutes + CHECK_IN_GRACE_MINUTES) * 60_000 <= now.getTime(),
  );
  const noShowOffers = unanswered
    .filter((item) => !due.includes(item) && item._count.incidents === 0)
    .slice(0, NO_SHOW_OFFERS_SHOWN);
  return {
    noShowOffers,
    nextInterview: upcoming[0] ?? null,
    weekAhead: thisWeek.slice(0, WEEK_AHEAD_SHOWN),
    moreThisWeek: thisWeek.length > WEEK_AHEAD_SHOWN,
    needsAnswer: due.slice(0, NEEDS_ANSWER_SHOWN),
    moreNeedAnswer: due.length > NEEDS_ANSWER_SHOWN,
  };
}

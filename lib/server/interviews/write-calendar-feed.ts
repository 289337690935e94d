import 'server-only';
import { getDb } from '@/lib/db';
import { writeCalendar } from '@/lib/domain/calendar';
import { applyHintLessons, findHintLessons } from '@/lib/server/lessons/get-prevention-hints';
import { calendarEventSelect, toCalendarInterview } from './calendar-interview';

/** How often subscribed calendars should fetch the feed again. */
const FEED_REFRESH_SECONDS = 60 * 60;

/**
 * What a subscribed calendar is sent: every interview from FEED_PAST_DAYS ago on, and every
 * future one. The recent past is there so a calendar drops (STATUS:CANCELLED) or updates what it
 * holds for interviews that just moved or were called off; older ones no calendar needs again.
 * A limit on rows would silently leave the furthest interviews out of the user's calendar, so
 * the only bound is FEED_MAX_EVENTS, far above any job search, against a runaway account.
 */
const FEED_PAST_DAYS = 30;
const FEED_MAX_EVENTS = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The feed for a token: the token is the credential (calendar apps cannot sign in), so an
 * unknown token answers null, exactly like a feed that never existed. Three statements whatever
 * the number of interviews or lessons.
 */
export async function buildCalendarFeed(token: string, appUrl: string, now = new Date()): Promise<string | null> {
  const feed = await writeCalendarFeed(token, appUrl, now);
  return feed && [...feed].join('');
}

/** The same feed in pieces (see writeCalendar), for sending as it is written. */
export async function writeCalendarFeed(
  token: string,
  appUrl: string,
  now = new Date(),
): Promise<Iterable<string> | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = await getDb().user.findUnique({
    where: { calendarFeedToken: token },
    select: { id: true, timeZone: true },
  });
  if (!user) return null;
  // Every status, not only scheduled ones: a cancelled, withdrawn or moved interview stays in
  // the feed marked STATUS:CANCELLED, which tells subscribed calendars to drop the event they
  // hold, rather than leaving a stale copy behind when it silently disappears. A slot another
  // replaced is left out: the new slot carries its UID on (and would win anyway, see
  // pickCalendarEntries), even when the move took it outside the feed's window. The user in the
  // replacement's where keeps that check to this user's rows: without it PostgreSQL hashes every
  // user's rescheduled interviews for each feed.
  const [rows, reminderLessons] = await Promise.all([
    getDb().interview.findMany({
      where: {
        userId: user.id,
        scheduledStart: { gte: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS) },
        rescheduledTo: { none: { userId: user.id } },
      },
      orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
      take: FEED_MAX_EVENTS,
      select: calendarEventSelect,
    }),
    // Of the hints, a feed carries only the extra reminder that lessons about forgetting turn on.
    findHintLessons(user.id, ['FORGOT']),
  ]);
  const hints = applyHintLessons(rows, reminderLessons, user.timeZone, now);
  return writeCalendar(
    rows.map((row) => toCalendarInterview(row, hints)),
    { appUrl, name: 'Rebound interviews', refreshSeconds: FEED_REFRESH_SECONDS },
  );
}

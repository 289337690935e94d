import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db';
import { buildInterviewCalendar, writeCalendar, type CalendarInterview } from '@/lib/domain/calendar';
import { isSecondChance } from '@/lib/domain/prep-checklist';
import { computeLeaveBy } from '@/lib/domain/travel';
import { NotFoundError } from '@/lib/errors';
import { getPreventionHints, type PreventionHintsByInterview } from '@/lib/server/lessons';
import { applyHintLessons, findHintLessons } from '@/lib/server/lessons/get-prevention-hints';
import type { Prisma } from '@/lib/generated/prisma/client';
import { interviewFactsSelect } from '@/lib/server/interviews/interview-select';

// What a calendar entry says: the facts every message is built from, and the notes.
const calendarSelect = { ...interviewFactsSelect, notes: true } satisfies Prisma.InterviewSelect;
// A calendar entry also has a revision number and knows whether it is a second chance.
const calendarEventSelect = {
  ...calendarSelect,
  calendarSequence: true,
  rescheduledFrom: { select: { _count: { select: { incidents: true } } } },
} satisfies Prisma.InterviewSelect;

/** How often subscribed calendars should fetch the feed again. */
const FEED_REFRESH_SECONDS = 60 * 60;

type CalendarRow = Parameters<typeof isSecondChance>[0] & {
  id: string;
  scheduledStart: Date;
  travelMinutes: number | null;
  bufferMinutes: number | null;
  calendarSequence: number;
};

function toCalendarInterview<T extends CalendarRow>(row: T, hints: PreventionHintsByInterview): T & Pick<CalendarInterview, 'leaveBy' | 'extraReminders' | 'sequence' | 'isSecondChance'> {
  // A lesson about forgetting turns on an extra reminder, at the time the lesson's rule chose.
  const reminderTimes = new Set(
    (hints[row.id] ?? []).flatMap((hint) => (hint.kind === 'extra-reminder' ? [hint.remindAt.getTime()] : [])),
  );
  return {
    ...row,
    sequence: row.calendarSequence,
    isSecondChance: isSecondChance(row),
    leaveBy: computeLeaveBy({ start: row.scheduledStart, travelMinutes: row.travelMinutes, bufferMinutes: row.bufferMinutes }),
    extraReminders: [...reminderTimes].map((time) => ({ at: new Date(time), text: 'Reminder from your lessons' })),
  };
}

export async function buildInterviewIcs(userId: string, id: string, appUrl: string) {
  const [row, hints] = await Promise.all([
    getDb().interview.findFirst({ where: { id, userId }, select: calendarEventSelect }),
    getPreventionHints(userId, [id]),
  ]);
  if (!row) throw new NotFoundError('interview');
  return {
    filename: `interview-${row.company.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'rebound'}.ics`,
    body: buildInterviewCalendar(toCalendarInterview(row, hints), { appUrl }),
  };
}

/**
 * The private feed URL's secret, made on first use. Only a user without one gets one, so two
 * first visits at once agree on the same token.
 */
export async function getCalendarFeedToken(userId: string): Promise<string> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarFeedToken: true } });
  if (user.calendarFeedToken) return user.calendarFeedToken;
  await db.user.updateMany({ where: { id: userId, calendarFeedToken: null }, data: { calendarFeedToken: randomBytes(24).toString('base64url') } });
  const created = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarFeedToken: true } });
  return created.calendarFeedToken!;
}

/** A new secret; the old feed URL stops working at once. */
export async function regenerateCalendarFeedToken(userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await getDb().user.update({ where: { id: userId }, data: { calendarFeedToken: token } });
  return token;
}

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
export async function writeCalendarFeed(token: string, appUrl: string, now = new Date()): Promise<Iterable<string> | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = await getDb().user.findUnique({ where: { calendarFeedToken: token }, select: { id: true, timeZone: true } });
  if (!user) return null;
  // Every status, not only scheduled ones: a cancelled, withdrawn or moved interview stays in
  // the feed marked STATUS:CANCELLED, which tells subscribed calendars to drop the event they
  // hold, rather than leaving a stale copy behind when it silently disappears.
  const [rows, reminderLessons] = await Promise.all([
    getDb().interview.findMany({
      where: { userId: user.id, scheduledStart: { gte: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS) } },
      orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
      take: FEED_MAX_EVENTS,
      select: calendarEventSelect,
    }),
    // Of the hints, a feed carries only the extra reminder that lessons about forgetting turn on.
    findHintLessons(user.id, ['FORGOT']),
  ]);
  const hints = applyHintLessons(rows, reminderLessons, user.timeZone, now);
  return writeCalendar(rows.map((row) => toCalendarInterview(row, hints)), { appUrl, name: 'Rebound interviews', refreshSeconds: FEED_REFRESH_SECONDS });
}

import 'server-only';
import { getDb } from '@/lib/db';
import { planApplicationNudges, type ReminderPreferences } from '@/lib/domain/reminders';
import { Prisma } from '@/lib/generated/prisma/client';
import { preferenceSelect, toReminderPreferences } from '@/lib/server/notifications/reminder-preferences';
import { GHOST_FACTS_SELECT, LAST_SIGN_SQL, readGhostState, type GhostFactsRow } from './application-ghost-facts';

/** Applications looked at per run; the next run (a minute later) takes the rest. */
export const GHOST_SCAN_BATCH = 500;

const DAY = Prisma.sql`interval '1 day'`;

export type GhostNudgePlanResult = { scanned: number; created: number };

/**
 * Finds open applications gone quiet past their stage's threshold and writes their nudges, for
 * every user, in three statements whatever the number of applications. The SQL takes a superset
 * (calendar days, a day early, so business days, zones and DST cannot hide one) of those not yet
 * nudged on their current clock (no nudge row planned since the last sign of life); each is then
 * decided exactly with ghostState. One row per application, kind and clock (dedupe key
 * `no-reply:<id>:<flagAt>`), inserted with skipDuplicates: running again creates nothing twice.
 * A nudge the user's preferences turn off, or whose moment passed, is written as SKIPPED, so
 * the decision is kept and the application is not scanned again on that clock.
 */
export async function planGhostNudges(
  now: Date = new Date(),
  // userIds narrows the scan to some accounts (tests; a user's own resync), never widens it.
  options: { limit?: number; userIds?: readonly string[] } = {},
): Promise<GhostNudgePlanResult> {
  const db = getDb();
  const limit = options.limit ?? GHOST_SCAN_BATCH;
  const rows = await db.$queryRaw<GhostFactsRow[]>(Prisma.sql`
    ${GHOST_FACTS_SELECT}
    WHERE a."closedAt" IS NULL AND s."kind" = 'OPEN' AND s."noReplyDays" > 0
      ${options.userIds ? Prisma.sql`AND a."userId" = ANY(${[...options.userIds]}::text[])` : Prisma.empty}
      AND ${LAST_SIGN_SQL} + (s."noReplyDays" - 1) * ${DAY} <= ${now}
      AND (
        NOT EXISTS (SELECT 1 FROM "Reminder" rm WHERE rm."applicationId" = a."id" AND rm."kind" = 'NO_REPLY_NUDGE'
                    AND rm."createdAt" >= ${LAST_SIGN_SQL})
        OR (${LAST_SIGN_SQL} + (2 * s."noReplyDays" - 1) * ${DAY} <= ${now}
            AND NOT EXISTS (SELECT 1 FROM "Reminder" rm WHERE rm."applicationId" = a."id"
                            AND rm."kind" = 'GHOSTED_SUGGESTION' AND rm."createdAt" >= ${LAST_SIGN_SQL}))
      )
    ORDER BY ${LAST_SIGN_SQL}, a."id"
    LIMIT ${limit}`);
  if (rows.length === 0) return { scanned: 0, created: 0 };

  const userIds = [...new Set(rows.map((row) => row.userId))];
  const stored = await db.notificationPreference.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true, ...preferenceSelect },
  });
  const preferences = new Map<string, ReminderPreferences>(
    stored.map(({ userId, ...row }) => [userId, toReminderPreferences(row)]),
  );

  const data: Prisma.ReminderCreateManyInput[] = [];
  for (const row of rows) {
    const { ghost } = readGhostState(row, now);
    const plan = planApplicationNudges({
      applicationId: row.id,
      ghost,
      userTimeZone: row.userZone,
      preferences: preferences.get(row.userId) ?? {},
      now,
    });
    // createdAt is the planner's clock: the scan compares it with the last sign of life.
    const base = { userId: row.userId, applicationId: row.id, lessonIds: [], createdAt: now };
    for (const reminder of plan.reminders)
      data.push({
        ...base,
        kind: reminder.kind,
        dedupeKey: reminder.dedupeKey,
        dueAt: reminder.dueAt,
        latestUsefulAt: reminder.latestUsefulAt,
        channels: reminder.channels,
      });
    for (const skip of plan.skipped)
      if (skip.dedupeKey)
        data.push({
          ...base,
          kind: skip.kind,
          dedupeKey: skip.dedupeKey,
          dueAt: now,
          latestUsefulAt: now,
          channels: [],
          state: 'SKIPPED',
          lastError: SKIP_REASONS[skip.reason],
        });
  }
  if (data.length === 0) return { scanned: rows.length, created: 0 };
  const { count } = await db.reminder.createMany({ data, skipDuplicates: true });
  return { scanned: rows.length, created: count };
}

const SKIP_REASONS: Record<string, string> = {
  'all-off': 'Reminders are turned off.',
  'turned-off': 'This kind of reminder is turned off.',
  passed: 'Its moment passed before it could be sent.',
  'quiet-hours': 'It would have fallen in quiet hours until it was no longer useful.',
};

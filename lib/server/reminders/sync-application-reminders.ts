import 'server-only';
import type { Tx } from '@/lib/db';
import { planApplicationNudges } from '@/lib/domain/reminders';
import { Prisma } from '@/lib/generated/prisma/client';
import { loadReminderPreferences } from '@/lib/server/notifications/reminder-preferences';
import { GHOST_FACTS_SELECT, readGhostState, type GhostFactsRow, type GhostReading } from './application-ghost-facts';
import { applyReminderPlan, type AppliedPlan } from './apply-reminder-plan';

export type ApplicationReminderSync = { applied: AppliedPlan; facts: GhostFactsRow; reading: GhostReading };

/**
 * Brings one application's nudges in line with its no-reply clock at `now`, inside the caller's
 * transaction (the dispatcher's, with the application row locked): a waiting nudge of a clock
 * that was reset (a reply, a move, a new round) or of an application now closed is skipped, not
 * sent. Returns null when the application is gone or someone else's.
 */
export async function syncApplicationReminders(
  tx: Tx,
  userId: string,
  applicationId: string,
  now: Date = new Date(),
): Promise<ApplicationReminderSync | null> {
  const [rows, preferences] = await Promise.all([
    tx.$queryRaw<GhostFactsRow[]>(
      Prisma.sql`${GHOST_FACTS_SELECT} WHERE a."id" = ${applicationId} AND a."userId" = ${userId}`,
    ),
    loadReminderPreferences(tx, userId),
  ]);
  const facts = rows[0];
  if (!facts) return null;
  const reading = readGhostState(facts, now);
  const plan = planApplicationNudges({
    applicationId,
    ghost: reading.ghost,
    userTimeZone: facts.userZone,
    preferences,
    now,
  });
  const applied = await applyReminderPlan(tx, userId, { applicationId }, plan, { dropped: 'SKIPPED' });
  return { applied, facts, reading };
}

import 'server-only';
import type PgBoss from 'pg-boss';
import type { Tx } from '@/lib/db';
import { buildGhostNudgeContent, pickFollowUpContact, type GhostNudgeKind } from '@/lib/domain/ghost-follow-up';
import { getEnv } from '@/lib/env';
import { syncApplicationReminders } from '@/lib/server/reminders/sync-application-reminders';
import { queueNotification } from './queue-notification';

/**
 * Sends the due nudges of one quiet application, in the dispatcher's transaction. The row is
 * locked first (SKIP LOCKED: one being moved right now waits for the next run); the clock is
 * then read again, so a nudge whose application moved on since it was planned (closed, a reply
 * recorded, moved to another stage, a new round) is skipped rather than sent.
 */
export async function dispatchApplicationNudges(
  tx: Tx,
  boss: PgBoss,
  owner: { userId: string; applicationId: string },
  now: Date,
): Promise<{ queued: number; skipped: number }> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Application" WHERE "id" = ${owner.applicationId} AND "userId" = ${owner.userId} FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return { queued: 0, skipped: 0 };
  const synced = await syncApplicationReminders(tx, owner.userId, owner.applicationId, now);
  if (!synced) return { queued: 0, skipped: 0 };
  const skipped = synced.applied.cancelled + synced.applied.skipped;
  const [reminders, contacts, user] = await Promise.all([
    tx.reminder.findMany({
      where: { userId: owner.userId, applicationId: owner.applicationId, state: 'SCHEDULED', dueAt: { lte: now } },
      orderBy: { dueAt: 'asc' },
      select: { id: true, userId: true, kind: true, channels: true },
    }),
    tx.applicationContact.findMany({
      where: { userId: owner.userId, applicationId: owner.applicationId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { name: true, email: true, role: true },
    }),
    tx.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { name: true } }),
  ]);
  const { facts, reading } = synced;
  if (reminders.length === 0 || !reading.last) return { queued: 0, skipped };
  const applicationUrl = `${getEnv().appUrl}/applications/${owner.applicationId}`;
  const contact = pickFollowUpContact(contacts, {
    contactName: facts.roundContactName,
    contactEmail: facts.roundContactEmail,
  });
  for (const reminder of reminders) {
    const content = buildGhostNudgeContent({
      kind: reminder.kind as GhostNudgeKind,
      company: facts.company,
      roleTitle: facts.roleTitle,
      contact,
      lastHeard: reading.last,
      timeZone: reading.timeZone,
      userName: user.name,
      applicationUrl,
    });
    await queueNotification(tx, boss, reminder, content, applicationUrl, now);
  }
  return { queued: reminders.length, skipped };
}

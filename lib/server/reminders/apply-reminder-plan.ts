import 'server-only';
import type { Tx } from '@/lib/db';
import type { PlannedReminder, ReminderPlan } from '@/lib/domain/reminders';

export type ReminderScope = { interviewId: string } | { incidentId: string } | { applicationId: string };

export type AppliedPlan = { created: number; moved: number; cancelled: number; skipped: number };

function toRow(reminder: PlannedReminder) {
  return {
    kind: reminder.kind,
    dueAt: reminder.dueAt,
    latestUsefulAt: reminder.latestUsefulAt,
    channels: reminder.channels,
    lessonIds: reminder.lessonIds,
    leaveBy: reminder.leaveBy,
  };
}

/**
 * Brings the waiting reminders of one interview or incident in line with the plan, inside the
 * caller's transaction: a waiting row whose key left the plan is cancelled, one still in it is
 * moved to the plan's time, a new key is inserted. Rows already handed over, sent or recorded
 * are history and stay as they are; a cancelled row whose key comes back (an interview moved back
 * to its first time) is scheduled again. A planned moment that has passed is recorded as skipped.
 */
export async function applyReminderPlan(
  tx: Tx,
  userId: string,
  scope: ReminderScope,
  plan: ReminderPlan,
  options: { dropped?: 'CANCELLED' | 'SKIPPED' } = {},
): Promise<AppliedPlan> {
  const planned = new Map(plan.reminders.map((reminder) => [reminder.dedupeKey, reminder]));
  const passedKeys = plan.skipped
    .filter((skip) => skip.reason === 'passed' && skip.dedupeKey)
    .map((skip) => skip.dedupeKey as string);
  const existing = await tx.reminder.findMany({
    where: {
      userId,
      ...scope,
      OR: [{ state: { in: ['SCHEDULED', 'CANCELLED'] } }, { dedupeKey: { in: [...planned.keys(), ...passedKeys] } }],
    },
    select: { id: true, dedupeKey: true, state: true, dueAt: true, latestUsefulAt: true, channels: true },
  });
  const byKey = new Map(existing.map((row) => [row.dedupeKey, row]));

  const cancelIds = existing
    .filter((row) => row.state === 'SCHEDULED' && !planned.has(row.dedupeKey) && !passedKeys.includes(row.dedupeKey))
    .map((row) => row.id);
  const passedIds = existing
    .filter((row) => row.state === 'SCHEDULED' && passedKeys.includes(row.dedupeKey))
    .map((row) => row.id);
  // An application's nudge whose clock was reset is recorded as skipped: it stays history, and
  // its key never comes back (a new clock makes new keys).
  if (cancelIds.length > 0)
    await tx.reminder.updateMany({
      where: { id: { in: cancelIds }, userId, state: 'SCHEDULED' },
      data:
        options.dropped === 'SKIPPED'
          ? {
              state: 'SKIPPED',
              lastError: 'The application moved on (a reply, a move or a new round) before it was sent.',
            }
          : { state: 'CANCELLED' },
    });
  if (passedIds.length > 0) {
    await tx.reminder.updateMany({
      where: { id: { in: passedIds }, userId, state: 'SCHEDULED' },
      data: { state: 'SKIPPED', lastError: 'Its moment passed before it could be sent.' },
    });
  }

  let moved = 0;
  const fresh: PlannedReminder[] = [];
  for (const reminder of plan.reminders) {
    const row = byKey.get(reminder.dedupeKey);
    if (!row) {
      fresh.push(reminder);
      continue;
    }
    if (row.state !== 'SCHEDULED' && row.state !== 'CANCELLED') continue;
    const unchanged =
      row.state === 'SCHEDULED' &&
      row.dueAt.getTime() === reminder.dueAt.getTime() &&
      row.latestUsefulAt.getTime() === reminder.latestUsefulAt.getTime() &&
      row.channels.join() === reminder.channels.join();
    if (unchanged) continue;
    // The state in the where keeps a row the dispatcher took meanwhile as it is.
    await tx.reminder.updateMany({
      where: { id: row.id, userId, state: row.state },
      data: { ...toRow(reminder), state: 'SCHEDULED', lastError: null },
    });
    moved += 1;
  }
  if (fresh.length > 0) {
    await tx.reminder.createMany({
      data: fresh.map((reminder) => ({
        ...toRow(reminder),
        userId,
        interviewId: reminder.interviewId,
        incidentId: reminder.incidentId,
        applicationId: 'applicationId' in scope ? scope.applicationId : null,
        dedupeKey: reminder.dedupeKey,
      })),
      skipDuplicates: true,
    });
  }
  return { created: fresh.length, moved, cancelled: cancelIds.length, skipped: passedIds.length };
}

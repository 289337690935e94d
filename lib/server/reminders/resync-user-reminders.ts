import 'server-only';
import type { Tx } from '@/lib/db';
import { NUDGE_USEFUL_DAYS } from '@/lib/domain/reminders';
import { syncIncidentReminders } from './sync-incident-reminders';
import { syncInterviewReminders } from './sync-interview-reminders';

/**
 * After a change that affects every reminder of the user (preferences, an email unsubscribe):
 * recomputes the interviews whose reminders can still go out and the open recoveries.
 */
export async function resyncUserReminders(tx: Tx, userId: string, now: Date = new Date()): Promise<void> {
  const since = new Date(now.getTime() - NUDGE_USEFUL_DAYS * 86_400_000);
  const [interviews, incidents] = await Promise.all([
    tx.interview.findMany({
      where: { userId, status: 'SCHEDULED', scheduledStart: { gte: since } },
      select: { id: true },
    }),
    tx.missedIncident.findMany({ where: { userId, closedAt: null }, select: { id: true } }),
  ]);
  for (const interview of interviews) await syncInterviewReminders(tx, userId, interview.id, now);
  for (const incident of incidents) await syncIncidentReminders(tx, userId, incident.id, now);
}

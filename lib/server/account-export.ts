import 'server-only';
import { getDb } from '@/lib/db';

/** Everything stored for the user, as one JSON-ready object. Never another user's rows. */
export async function exportAccountData(userId: string) {
  const db = getDb();
  const where = { userId };
  const [user, interviews, incidents, recoverySteps, rescheduleRequests, messages, lessons, activityEvents] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, name: true, timeZone: true, createdAt: true, updatedAt: true },
    }),
    db.interview.findMany({ where, orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }] }),
    db.missedIncident.findMany({ where, orderBy: { recordedAt: 'asc' }, omit: { idempotencyKey: true } }),
    db.recoveryStep.findMany({ where, orderBy: { completedAt: 'asc' } }),
    db.rescheduleRequest.findMany({ where, orderBy: { askedAt: 'asc' } }),
    db.message.findMany({
      where,
      orderBy: { createdAt: 'asc' },
      omit: { idempotencyKey: true },
      include: { revisions: { orderBy: { createdAt: 'asc' } } },
    }),
    db.lesson.findMany({ where, orderBy: { createdAt: 'asc' }, include: { actions: { orderBy: { position: 'asc' } } } }),
    db.activityEvent.findMany({ where, orderBy: { occurredAt: 'asc' } }),
  ]);
  return {
    format: 'rebound-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    user,
    interviews,
    incidents,
    recoverySteps,
    rescheduleRequests,
    messages,
    lessons,
    activityEvents,
  };
}

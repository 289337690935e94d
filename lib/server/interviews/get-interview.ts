import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

export async function getInterview(userId: string, id: string) {
  const interview = await getDb().interview.findFirst({
    where: { id, userId },
    include: {
      application: { select: { id: true, company: true, roleTitle: true, stage: { select: { name: true } } } },
      activityEvents: { orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: 100 },
      rescheduledFrom: {
        select: { id: true, scheduledStart: true, timeZone: true, _count: { select: { incidents: true } } },
      },
      rescheduledTo: { select: { id: true, scheduledStart: true, timeZone: true, status: true } },
      incidents: {
        select: { id: true, recoveryState: true, kind: true, recordedAt: true },
        orderBy: { recordedAt: 'desc' },
      },
      // The page's "Reminders" section; lib/domain/interview-reminder-list.ts picks what it shows.
      reminders: {
        where: { userId, incidentId: null },
        select: { id: true, kind: true, dedupeKey: true, dueAt: true, channels: true, state: true, sentAt: true },
        orderBy: { dueAt: 'asc' },
        take: 100,
      },
    },
  });
  if (!interview) throw new NotFoundError('interview');
  return interview;
}

import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { applicationFieldsSelect } from './application-select';

const applicationSelect = {
  ...applicationFieldsSelect,
  updatedAt: true,
  stage: { select: { id: true, name: true, kind: true, systemKey: true, noReplyDays: true } },
  stageChanges: {
    orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, fromStageName: true, toStageName: true, changedAt: true, cause: true, note: true },
  },
  contacts: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, email: true, phone: true, role: true },
  },
  interviews: {
    orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      roundLabel: true,
      scheduledStart: true,
      durationMinutes: true,
      timeZone: true,
      status: true,
      incidents: {
        orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
        select: { id: true, kind: true, closedAt: true, _count: { select: { lessons: true } } },
      },
    },
  },
} satisfies Prisma.ApplicationSelect;

export type ApplicationDetail = Prisma.ApplicationGetPayload<{ select: typeof applicationSelect }>;

/**
 * The user's application with its stage, timeline, contacts and rounds (each with its
 * recoveries), in one statement (relationJoins). A missing or foreign id answers NotFoundError.
 */
export async function getApplication(userId: string, id: string): Promise<ApplicationDetail> {
  const application = await getDb().application.findFirst({ where: { id, userId }, select: applicationSelect });
  if (!application) throw new NotFoundError('application');
  return application;
}

import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { JOB_SCHEMA } from './queues';

export type QueueDepth = { depth: number; oldestDueAt: Date | null; failedLastDay: number };

/**
 * What is waiting across every instance: reminders due but not yet dispatched, and delivery
 * jobs due but not yet taken. A queue whose schema pg-boss has not made yet counts as empty.
 */
export async function readQueueDepth(db: PrismaClient, now: Date = new Date()): Promise<QueueDepth> {
  const [reminders] = await db.$queryRaw<{ depth: number; oldest: Date | null; failed: number }[]>`
    SELECT count(*) FILTER (WHERE "state" = 'SCHEDULED' AND "dueAt" <= ${now})::int AS depth,
           min("dueAt") FILTER (WHERE "state" = 'SCHEDULED' AND "dueAt" <= ${now}) AS oldest,
           count(*) FILTER (WHERE "state" = 'FAILED' AND "updatedAt" > ${new Date(now.getTime() - 86_400_000)})::int AS failed
      FROM "Reminder"
     WHERE ("state" = 'SCHEDULED' AND "dueAt" <= ${now}) OR "state" = 'FAILED'`;
  let jobs: { depth: number; oldest: Date | null } = { depth: 0, oldest: null };
  const [installed] = await db.$queryRaw<
    { present: boolean }[]
  >`SELECT to_regclass(${`${JOB_SCHEMA}.job`}) IS NOT NULL AS present`;
  if (installed?.present) {
    const [row] = await db.$queryRawUnsafe<{ depth: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS depth, min(start_after) AS oldest FROM ${JOB_SCHEMA}.job WHERE state IN ('created', 'retry') AND start_after <= $1`,
      now,
    );
    if (row) jobs = row;
  }
  const oldest =
    [reminders?.oldest ?? null, jobs.oldest]
      .filter((value): value is Date => value !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return { depth: (reminders?.depth ?? 0) + jobs.depth, oldestDueAt: oldest, failedLastDay: reminders?.failed ?? 0 };
}

import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';
import type { ImportPlan } from './plan-import-batch';

/**
 * Writes one planned batch inside the caller's transaction: one createMany per table (no
 * statement per row), the reminders of its rounds still to come, then the import's progress and
 * report, so the batch and what the report says of it commit or roll back together.
 */
export async function writeImportBatch(
  tx: Tx,
  input: {
    userId: string;
    importId: string;
    plan: ImportPlan;
    processedRows: number;
    report: Prisma.InputJsonValue;
    now: Date;
  },
): Promise<void> {
  const { userId, plan } = input;
  if (plan.applications.length) await tx.application.createMany({ data: plan.applications });
  if (plan.stageChanges.length) await tx.stageChange.createMany({ data: plan.stageChanges });
  if (plan.contacts.length) await tx.applicationContact.createMany({ data: plan.contacts });
  if (plan.interviews.length) await tx.interview.createMany({ data: plan.interviews });
  // Only rounds still to come have reminders; an import of past rounds plans none.
  for (const interviewId of plan.futureInterviewIds) await syncInterviewReminders(tx, userId, interviewId, input.now);
  const updated = await tx.importJob.updateMany({
    where: { id: input.importId, userId, status: 'RUNNING' },
    data: { processedRows: input.processedRows, report: input.report },
  });
  if (updated.count !== 1) throw new Error(`Import ${input.importId} is no longer running.`);
}

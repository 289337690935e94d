import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

/** One entry of an interview's timeline. */
export type ActivityEventInput = {
  userId: string;
  interviewId: string;
  type: Prisma.ActivityEventCreateManyInput['type'];
  summary: string;
  details?: Prisma.InputJsonValue;
};

/** Writes timeline entries inside the caller's transaction, so they commit with what they describe. */
export async function recordActivity(tx: Tx, events: readonly ActivityEventInput[]): Promise<void> {
  if (events.length > 0) await tx.activityEvent.createMany({ data: [...events] });
}

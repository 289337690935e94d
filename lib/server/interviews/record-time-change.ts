import 'server-only';
import type { Tx } from '@/lib/db';
import type { TimeChangeSource } from '@/lib/generated/prisma/enums';

type Slot = { scheduledStart: Date; durationMinutes: number; timeZone: string };

/**
 * One row of an interview's time history, written in the caller's transaction so the move and
 * its record stand or fall together. `interviewId` is the interview that now holds the new slot.
 */
export async function recordTimeChange(
  tx: Tx,
  change: {
    userId: string;
    interviewId: string;
    requestedBy: TimeChangeSource;
    from: Slot;
    to: Slot;
    reasonCategory?: string | null;
    reason?: string | null;
  },
) {
  await tx.interviewTimeChange.create({
    data: {
      userId: change.userId,
      interviewId: change.interviewId,
      requestedBy: change.requestedBy,
      reasonCategory: change.reasonCategory ?? null,
      reason: change.reason ?? null,
      fromStart: change.from.scheduledStart,
      toStart: change.to.scheduledStart,
      fromDurationMinutes: change.from.durationMinutes,
      toDurationMinutes: change.to.durationMinutes,
      fromTimeZone: change.from.timeZone,
      toTimeZone: change.to.timeZone,
    },
    select: { id: true },
  });
}

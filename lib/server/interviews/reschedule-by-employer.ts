import 'server-only';
import { getDb, type Tx } from '@/lib/db';
import type { TimeChangeReason } from '@/lib/domain/interview-time-changes';
import { resolveLocalStart } from '@/lib/domain/local-start';
import { formatWithZone } from '@/lib/domain/time';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { carryCalendarEntry } from './carry-calendar-entry';
import { recordActivity } from './record-activity';
import { recordTimeChange } from './record-time-change';
import { transitionInterviewStatus } from './transition-interview-status';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';

/**
 * The employer moved the interview: the old one becomes "rescheduled" and a new one,
 * linked to it, takes the new time, in the same application (copied with the rest). One
 * transaction.
 */
export async function rescheduleByEmployer(
  userId: string,
  id: string,
  date: string,
  time: string,
  now = new Date(),
  // A recovery records the move inside its own transaction, with the reason it knows.
  options: { tx?: Tx; reasonCategory?: TimeChangeReason } = {},
) {
  const inTransaction = <T>(work: (tx: Tx) => Promise<T>) =>
    options.tx ? work(options.tx) : getDb().$transaction(work);
  return inTransaction(async (tx) => {
    const old = await tx.interview.findFirst({ where: { id, userId } });
    if (!old) throw new NotFoundError('interview');
    const start = resolveLocalStart(date, time, old.timeZone);
    if (start.instant <= now) {
      throw new ValidationError('The new time is in the past.', { date: 'Choose a date and time in the future.' });
    }
    await transitionInterviewStatus(tx, userId, old, 'RESCHEDULED');
    // A later update of the employer's invitation is for the new slot: its UID moves there.
    if (old.invitationUid) {
      await tx.interview.update({ where: { id: old.id }, data: { invitationUid: null }, select: { id: true } });
    }
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      status: _s,
      prepChecklist: _p,
      rescheduledFromId: _r,
      calendarSequence: _q,
      // The imported row stays the old interview's: importing the file again finds it there.
      importKey: _k,
      ...copy
    } = old;
    const created = await tx.interview.create({
      data: { ...copy, prepChecklist: {}, scheduledStart: start.instant, rescheduledFromId: old.id },
      select: { id: true },
    });
    await carryCalendarEntry(tx, userId, old.id, created.id);
    // The move is put on the new interview, from the old slot: its page then shows where it came
    // from, and the old interview's earlier moves are read along the rescheduledFrom chain.
    await recordTimeChange(tx, {
      userId,
      interviewId: created.id,
      requestedBy: 'EMPLOYER',
      reasonCategory: options.reasonCategory ?? 'EMPLOYER_REQUEST',
      from: old,
      to: { scheduledStart: start.instant, durationMinutes: old.durationMinutes, timeZone: old.timeZone },
    });
    await recordActivity(tx, [
      {
        userId,
        interviewId: created.id,
        type: 'CREATED',
        summary: `Rescheduled by the employer from ${formatWithZone(old.scheduledStart, old.timeZone)}`,
      },
    ]);
    await syncInterviewReminders(tx, userId, created.id);
    return { id: created.id, notice: start.message };
  });
}

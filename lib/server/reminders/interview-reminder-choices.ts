import 'server-only';
import { getDb } from '@/lib/db';
import { canAddHourBefore } from '@/lib/domain/interview-reminder-list';
import { reminderSlot } from '@/lib/domain/reminders';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { lockInterview } from '@/lib/server/interviews/lock-interview';
import { syncInterviewReminders } from './sync-interview-reminders';

/**
 * Silences one upcoming reminder of an interview. The choice is kept on the interview by slot,
 * not on the row, so the sync that runs after every edit or reschedule leaves it silent; the row
 * itself is cancelled by that same sync, in this transaction. Another user's reminder, or one
 * that is not an interview's, is not found; one already sent or handed over cannot be silenced.
 */
export async function silenceInterviewReminder(userId: string, reminderId: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const reminder = await tx.reminder.findFirst({
      where: { id: reminderId, userId, interviewId: { not: null } },
      select: { interviewId: true, dedupeKey: true, state: true },
    });
    if (!reminder?.interviewId) throw new NotFoundError('reminder');
    await lockInterview(tx, userId, reminder.interviewId);
    if (reminder.state === 'CANCELLED') return;
    if (reminder.state !== 'SCHEDULED')
      throw new ValidationError('This reminder has already gone out, so there is nothing to silence.');
    const interview = await tx.interview.findFirst({
      where: { id: reminder.interviewId, userId },
      select: { silencedReminders: true },
    });
    if (!interview) throw new NotFoundError('interview');
    const slot = reminderSlot(reminder.dedupeKey);
    if (!interview.silencedReminders.includes(slot)) {
      await tx.interview.updateMany({
        where: { id: reminder.interviewId, userId },
        data: { silencedReminders: [...interview.silencedReminders, slot] },
      });
    }
    await syncInterviewReminders(tx, userId, reminder.interviewId, now);
  });
}

/**
 * Turns a silenced reminder back on: its slot leaves the interview's silenced list and the sync
 * plans it again, in this transaction. Refused (and nothing kept) once its moment has passed or
 * the interview is no longer scheduled, since the sync would then have nothing to send.
 */
export async function unsilenceInterviewReminder(userId: string, reminderId: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const reminder = await tx.reminder.findFirst({
      where: { id: reminderId, userId, interviewId: { not: null } },
      select: { interviewId: true, dedupeKey: true },
    });
    if (!reminder?.interviewId) throw new NotFoundError('reminder');
    await lockInterview(tx, userId, reminder.interviewId);
    const interview = await tx.interview.findFirst({
      where: { id: reminder.interviewId, userId },
      select: { silencedReminders: true },
    });
    if (!interview) throw new NotFoundError('interview');
    const slot = reminderSlot(reminder.dedupeKey);
    await tx.interview.updateMany({
      where: { id: reminder.interviewId, userId },
      data: { silencedReminders: interview.silencedReminders.filter((silenced) => silenced !== slot) },
    });
    await syncInterviewReminders(tx, userId, reminder.interviewId, now);
    const after = await tx.reminder.findFirst({ where: { id: reminderId, userId }, select: { state: true } });
    if (after?.state !== 'SCHEDULED')
      throw new ValidationError('This reminder’s moment has passed, so it cannot be turned back on.');
  });
}

/**
 * Adds "remind me again an hour before" to an interview: one more reminder at the start minus
 * an hour, on the channels of the extra reminder, which moves with the interview like the
 * others. Asking twice keeps one; asking once that hour has passed is refused.
 */
export async function addHourBeforeReminder(userId: string, interviewId: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockInterview(tx, userId, interviewId);
    const interview = await tx.interview.findFirst({
      where: { id: interviewId, userId },
      select: { scheduledStart: true, status: true, silencedReminders: true, hourBeforeReminder: true },
    });
    if (!interview) throw new NotFoundError('interview');
    if (interview.status !== 'SCHEDULED')
      throw new ValidationError('This interview is no longer scheduled, so it gets no more reminders.');
    if (!canAddHourBefore(interview.scheduledStart, now))
      throw new ValidationError('An hour before this interview has already passed, so that reminder cannot be added.');
    const silenced = interview.silencedReminders.filter((slot) => slot !== 'hour-before');
    if (!interview.hourBeforeReminder || silenced.length !== interview.silencedReminders.length) {
      await tx.interview.updateMany({
        where: { id: interviewId, userId },
        data: { hourBeforeReminder: true, silencedReminders: silenced },
      });
    }
    await syncInterviewReminders(tx, userId, interviewId, now);
  });
}

import 'server-only';
import type { Tx } from '@/lib/db';
import { planInterviewReminders } from '@/lib/domain/reminders';
import type { Prisma } from '@/lib/generated/prisma/client';
import { loadReminderPreferences } from '@/lib/server/notifications/reminder-preferences';
import { applyReminderPlan, type AppliedPlan } from './apply-reminder-plan';

const reminderInterviewSelect = {
  id: true,
  scheduledStart: true,
  durationMinutes: true,
  timeZone: true,
  format: true,
  status: true,
  travelMinutes: true,
  bufferMinutes: true,
  silencedReminders: true,
  hourBeforeReminder: true,
  user: { select: { timeZone: true } },
} satisfies Prisma.InterviewSelect;

/**
 * Recomputes one interview's reminders from what the transaction now holds, so a change and
 * its reminders commit or roll back together. A deleted interview takes its reminders with it
 * (cascade); one that no longer exists for this user has nothing to bring in line.
 */
export async function syncInterviewReminders(
  tx: Tx,
  userId: string,
  interviewId: string,
  now: Date = new Date(),
): Promise<AppliedPlan | null> {
  const interview = await tx.interview.findFirst({
    where: { id: interviewId, userId },
    select: reminderInterviewSelect,
  });
  if (!interview) return null;
  const [preferences, lessons] = await Promise.all([
    loadReminderPreferences(tx, userId),
    tx.lesson.findMany({
      where: { userId },
      select: {
        id: true,
        rootCause: true,
        createdAt: true,
        reviewedAt: true,
        reviewCount: true,
        actions: { select: { text: true, retiredAt: true } },
      },
    }),
  ]);
  const { user, ...facts } = interview;
  const plan = planInterviewReminders({ interview: facts, userTimeZone: user.timeZone, preferences, lessons, now });
  return applyReminderPlan(tx, userId, { interviewId }, plan);
}

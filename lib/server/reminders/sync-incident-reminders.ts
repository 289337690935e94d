import 'server-only';
import type { Tx } from '@/lib/db';
import { planRecoveryReminders } from '@/lib/domain/reminders';
import type { Prisma } from '@/lib/generated/prisma/client';
import { loadReminderPreferences } from '@/lib/server/notifications/reminder-preferences';
import { applyReminderPlan, type AppliedPlan } from './apply-reminder-plan';

const THANK_YOU_KINDS = ['THANK_YOU_ACCEPTED', 'THANK_YOU_DECLINED'] as const;

export const recoveryReminderSelect = {
  id: true,
  kind: true,
  recoveryState: true,
  interview: { select: { timeZone: true } },
  user: { select: { timeZone: true } },
  rescheduleRequests: {
    where: { OR: [{ status: 'PENDING' }, { status: { in: ['ACCEPTED', 'DECLINED'] }, respondedAt: { not: null } }] },
    orderBy: [{ askedAt: 'desc' }, { id: 'desc' }],
    select: { status: true, askedAt: true, respondedAt: true },
  },
  messages: {
    where: { kind: { in: ['FOLLOW_UP', ...THANK_YOU_KINDS] } },
    select: { kind: true, status: true, dismissedAt: true },
  },
} satisfies Prisma.MissedIncidentSelect;

export type RecoveryReminderFacts = Prisma.MissedIncidentGetPayload<{ select: typeof recoveryReminderSelect }>;

/** The rules' view of an incident: the newest pending request and sent follow-ups; the answer and whether its thank-you is settled. */
export function toRecoveryFacts(incident: RecoveryReminderFacts) {
  const pending = incident.rescheduleRequests.find((request) => request.status === 'PENDING');
  const answered = incident.rescheduleRequests.find((request) => request.status !== 'PENDING');
  const thankYous = incident.messages.filter((message) =>
    (THANK_YOU_KINDS as readonly string[]).includes(message.kind),
  );
  return {
    followUp: {
      id: incident.id,
      state: incident.recoveryState,
      askedAt: pending?.askedAt ?? null,
      followUpsSent: incident.messages.filter((message) => message.kind === 'FOLLOW_UP' && message.status === 'SENT')
        .length,
      timeZone: incident.interview.timeZone,
      kind: incident.kind,
    },
    thankYou: {
      id: incident.id,
      answeredAt: answered?.respondedAt ?? null,
      // No thank-you drafted means nothing to nudge about.
      isSettled:
        thankYous.length === 0 ||
        thankYous.some((message) => message.status === 'SENT' || message.dismissedAt !== null),
    },
  };
}

/** Recomputes one incident's recovery nudges in the caller's transaction (see syncInterviewReminders). */
export async function syncIncidentReminders(
  tx: Tx,
  userId: string,
  incidentId: string,
  now: Date = new Date(),
): Promise<AppliedPlan | null> {
  const incident = await tx.missedIncident.findFirst({
    where: { id: incidentId, userId },
    select: recoveryReminderSelect,
  });
  if (!incident) return null;
  const preferences = await loadReminderPreferences(tx, userId);
  const plan = planRecoveryReminders({
    ...toRecoveryFacts(incident),
    userTimeZone: incident.user.timeZone,
    preferences,
    now,
  });
  return applyReminderPlan(tx, userId, { incidentId }, plan);
}

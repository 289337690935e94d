import 'server-only';
import type { Tx } from '@/lib/db';
import { type FollowUpAdvice, adviseFollowUp } from '@/lib/domain/recovery-follow-up';
import { type IncidentKind, type RecoveryState } from '@/lib/domain/recovery-state';
import { type Prisma } from '@/lib/generated/prisma/client';

/** The relation filters that feed the advice; reused by list queries so they stay one query. */
export const pendingRequestQuery = {
  where: { status: 'PENDING' },
  orderBy: [{ askedAt: 'desc' }, { id: 'desc' }],
  take: 1,
  select: { askedAt: true },
} satisfies Prisma.MissedIncident$rescheduleRequestsArgs;

export const sentFollowUpsWhere = { kind: 'FOLLOW_UP', status: 'SENT' } satisfies Prisma.MessageWhereInput;

/** The advice for an incident given its newest pending request; the wait is judged in the interview's zone. */
export function adviseIncidentFollowUp(input: {
  state: RecoveryState;
  pendingRequests: readonly { askedAt: Date }[];
  followUpsSent: number;
  timeZone: string;
  kind?: IncidentKind;
  now?: Date;
}): FollowUpAdvice {
  return adviseFollowUp({
    state: input.state,
    askedAt: input.pendingRequests[0]?.askedAt ?? null,
    followUpsSent: input.followUpsSent,
    now: input.now ?? new Date(),
    timeZone: input.timeZone,
    kind: input.kind,
  });
}

export async function loadFollowUpAdvice(
  tx: Tx,
  incident: {
    id: string;
    userId: string;
    kind?: IncidentKind;
    recoveryState: RecoveryState;
    interview: { timeZone: string };
  },
): Promise<FollowUpAdvice> {
  const where = { incidentId: incident.id, userId: incident.userId };
  const pendingRequests = await tx.rescheduleRequest.findMany({
    ...pendingRequestQuery,
    where: { ...where, status: 'PENDING' },
  });
  const followUpsSent = await tx.message.count({ where: { ...where, ...sentFollowUpsWhere } });
  return adviseIncidentFollowUp({
    state: incident.recoveryState,
    pendingRequests,
    followUpsSent,
    timeZone: incident.interview.timeZone,
    kind: incident.kind,
  });
}

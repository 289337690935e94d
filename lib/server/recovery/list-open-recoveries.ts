import 'server-only';
import { type FollowUpAdvice } from '@/lib/domain/recovery-follow-up';
import { type IncidentKind, type RecoveryState, labelStep } from '@/lib/domain/recovery-state';
import { getDb } from '@/lib/db';
import { adviseIncidentFollowUp, pendingRequestQuery, sentFollowUpsWhere } from './follow-up-advice';

export type OpenRecovery = {
  id: string;
  kind: IncidentKind;
  state: RecoveryState;
  stateLabel: string;
  recordedAt: Date;
  interview: { id: string; company: string; roleTitle: string; scheduledStart: Date; timeZone: string };
  followUp: FollowUpAdvice;
  isFollowUpDue: boolean;
};

// A dashboard panel, not an archive: a user with more open recoveries than this has bigger worries.
const OPEN_RECOVERY_LIMIT = 50;

/** The user's open recoveries, newest first, with the follow-up nudge for each; one query. */
export async function listOpenRecoveries(userId: string, now: Date = new Date()): Promise<OpenRecovery[]> {
  const incidents = await getDb().missedIncident.findMany({
    where: { userId, closedAt: null },
    orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
    take: OPEN_RECOVERY_LIMIT,
    select: {
      id: true,
      kind: true,
      recoveryState: true,
      recordedAt: true,
      interview: { select: { id: true, company: true, roleTitle: true, scheduledStart: true, timeZone: true } },
      rescheduleRequests: pendingRequestQuery,
      _count: { select: { messages: { where: sentFollowUpsWhere } } },
    },
  });
  return incidents.map((incident) => {
    const followUp = adviseIncidentFollowUp({
      state: incident.recoveryState,
      pendingRequests: incident.rescheduleRequests,
      followUpsSent: incident._count.messages,
      timeZone: incident.interview.timeZone,
      kind: incident.kind,
      now,
    });
    return {
      id: incident.id,
      kind: incident.kind,
      state: incident.recoveryState,
      stateLabel: labelStep(incident.recoveryState, incident.kind),
      recordedAt: incident.recordedAt,
      interview: incident.interview,
      followUp,
      isFollowUpDue: followUp.status === 'DUE',
    };
  });
}

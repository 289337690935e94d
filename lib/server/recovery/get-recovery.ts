import 'server-only';
import { describeStepper } from '@/lib/domain/recovery-state';
import type { Recovery } from '@/lib/domain/recovery-view';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { type Prisma } from '@/lib/generated/prisma/client';
import { adviseIncidentFollowUp } from './follow-up-advice';
import { interviewFactsSelect } from '@/lib/server/interviews/interview-select';
import { describePrepChecklist, prepInterviewSelect } from './prep-checklist';

export const messageHistorySelect = {
  id: true,
  kind: true,
  channel: true,
  recipient: true,
  subject: true,
  body: true,
  status: true,
  delivery: true,
  sentAt: true,
  failureReason: true,
  dismissedAt: true,
  interviewId: true,
  incidentId: true,
  createdAt: true,
  updatedAt: true,
  revisions: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, subject: true, body: true, createdAt: true },
  },
} satisfies Prisma.MessageSelect;

const recoverySelect = {
  id: true,
  kind: true,
  reason: true,
  explanation: true,
  employerWarned: true,
  recoveryState: true,
  outcome: true,
  recordedAt: true,
  closedAt: true,
  interview: { select: { ...interviewFactsSelect, meetingUrl: true } },
  steps: { orderBy: { completedAt: 'asc' }, select: { step: true, status: true, skipReason: true, completedAt: true } },
  rescheduleRequests: {
    orderBy: [{ askedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      channel: true,
      askedAt: true,
      callResult: true,
      callResponse: true,
      status: true,
      respondedAt: true,
      responseNote: true,
      newInterview: { select: { ...prepInterviewSelect, company: true, roleTitle: true, location: true } },
    },
  },
  messages: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: messageHistorySelect },
  lessons: {
    orderBy: { createdAt: 'desc' },
    take: 1,
    select: {
      id: true,
      rootCause: true,
      whatHappened: true,
      createdAt: true,
      actions: { orderBy: { position: 'asc' }, select: { id: true, text: true, position: true } },
    },
  },
} satisfies Prisma.MissedIncidentSelect;

/**
 * Everything the incident page shows, read in one query: the incident with its interview, steps,
 * requests, messages with every revision and the lesson; plus the stepper, the follow-up advice
 * and, once a new interview exists, its second-chance checklist.
 *
 * Throws NotFoundError for an incident that is missing or not the user's.
 */
export async function getRecovery(userId: string, incidentId: string, now: Date = new Date()): Promise<Recovery> {
  const record = await getDb().missedIncident.findFirst({ where: { id: incidentId, userId }, select: recoverySelect });
  if (!record) throw new NotFoundError('incident');
  const { steps, rescheduleRequests, messages, lessons, ...incident } = record;

  const stepper = describeStepper({
    state: incident.recoveryState,
    steps,
    kind: incident.kind,
    outcome: incident.outcome,
  });
  const pendingRequests = rescheduleRequests.filter((request) => request.status === 'PENDING').reverse();
  const followUp = adviseIncidentFollowUp({
    state: incident.recoveryState,
    pendingRequests,
    followUpsSent: messages.filter((message) => message.kind === 'FOLLOW_UP' && message.status === 'SENT').length,
    timeZone: incident.interview.timeZone,
    kind: incident.kind,
    now,
  });
  const newInterview = rescheduleRequests.findLast(
    (request) => request.status === 'ACCEPTED' && request.newInterview,
  )?.newInterview;
  return {
    incident,
    interview: incident.interview,
    stepper,
    requests: rescheduleRequests,
    messages,
    lesson: lessons[0] ?? null,
    followUp,
    newInterview: newInterview ?? null,
    prep: newInterview ? describePrepChecklist(newInterview) : null,
  };
}

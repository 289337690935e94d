import { createHash, randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { createTestInterview } from './factories';

/**
 * One row of every kind a user owns, linked the way the recovery flow links them. Returns
 * every id, so tests can look for each one in an export or check each one was deleted.
 */
export async function seedUserData(userId: string) {
  const db = getDb();
  const interview = await createTestInterview(userId);
  const incident = await db.missedIncident.create({
    data: {
      userId,
      interviewId: interview.id,
      reason: 'TRAFFIC_TRANSPORT',
      explanation: 'Train cancelled',
      idempotencyKey: `incident-${randomUUID()}`,
    },
  });
  const replacement = await createTestInterview(userId, {
    company: 'Acme Ltd (rescheduled)',
    applicationId: interview.applicationId,
  });
  const contact = await db.applicationContact.create({
    data: { userId, applicationId: interview.applicationId, name: 'Dana Recruiter', role: 'RECRUITER' },
  });
  await db.interview.update({ where: { id: interview.id }, data: { contactId: contact.id } });
  const { stage } = await db.application.findUniqueOrThrow({
    where: { id: interview.applicationId },
    select: { stage: { select: { id: true, name: true } } },
  });
  const stageChange = await db.stageChange.create({
    data: {
      userId,
      applicationId: interview.applicationId,
      toStageId: stage.id,
      toStageName: stage.name,
      cause: 'USER',
    },
  });
  const stageIds = (await db.applicationStage.findMany({ where: { userId }, select: { id: true } })).map(
    (stage) => stage.id,
  );
  await db.interview.update({ where: { id: replacement.id }, data: { rescheduledFromId: interview.id } });
  const request = await db.rescheduleRequest.create({
    data: { userId, incidentId: incident.id, channel: 'EMAIL', status: 'ACCEPTED', newInterviewId: replacement.id },
  });
  const message = await db.message.create({
    data: {
      userId,
      incidentId: incident.id,
      interviewId: interview.id,
      kind: 'APOLOGY',
      channel: 'EMAIL',
      body: 'I am sorry.',
      idempotencyKey: `message-${randomUUID()}`,
    },
  });
  const revision = await db.messageRevision.create({ data: { messageId: message.id, body: 'I am sorry.' } });
  const step = await db.recoveryStep.create({
    data: { userId, incidentId: incident.id, step: 'CALL', status: 'DONE' },
  });
  const lesson = await db.lesson.create({
    data: {
      userId,
      incidentId: incident.id,
      rootCause: 'TRAFFIC_TRANSPORT',
      whatHappened: 'Left too late',
      actions: { create: [{ text: 'Leave 30 minutes earlier', position: 0 }] },
    },
    include: { actions: true },
  });
  const event = await db.activityEvent.create({
    data: { userId, interviewId: interview.id, type: 'INCIDENT_OPENED', summary: 'Marked as missed' },
  });
  const resetToken = await db.passwordResetToken.create({
    data: {
      userId,
      tokenHash: createHash('sha256').update(randomUUID()).digest('hex'),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const oauthAccount = await db.oAuthAccount.create({
    data: { userId, provider: 'github', providerAccountId: randomUUID() },
  });
  return {
    interviewIds: [interview.id, replacement.id],
    applicationId: interview.applicationId,
    applicationContactId: contact.id,
    stageChangeId: stageChange.id,
    stageIds,
    incidentId: incident.id,
    incidentIdempotencyKey: incident.idempotencyKey ?? '',
    rescheduleRequestId: request.id,
    messageId: message.id,
    messageIdempotencyKey: message.idempotencyKey ?? '',
    revisionId: revision.id,
    recoveryStepId: step.id,
    lessonId: lesson.id,
    preventionActionIds: lesson.actions.map((action) => action.id),
    activityEventId: event.id,
    passwordResetTokenId: resetToken.id,
    oauthAccountId: oauthAccount.id,
  };
}

export type SeededUserData = Awaited<ReturnType<typeof seedUserData>>;

/** The ids of the rows an export must carry (reset tokens and OAuth links are not exported). */
export function listExportedIds(seed: SeededUserData): string[] {
  return [
    ...seed.interviewIds,
    seed.applicationId,
    seed.applicationContactId,
    seed.stageChangeId,
    ...seed.stageIds,
    seed.incidentId,
    seed.rescheduleRequestId,
    seed.messageId,
    seed.revisionId,
    seed.recoveryStepId,
    seed.lessonId,
    ...seed.preventionActionIds,
    seed.activityEventId,
  ];
}

/** How many of the seeded rows still exist, per table. */
export async function countSeededRows(seed: SeededUserData) {
  const db = getDb();
  const [
    interviews,
    incidents,
    rescheduleRequests,
    messages,
    revisions,
    recoverySteps,
    lessons,
    preventionActions,
    activityEvents,
    passwordResetTokens,
    oauthAccounts,
  ] = await Promise.all([
    db.interview.count({ where: { id: { in: seed.interviewIds } } }),
    db.missedIncident.count({ where: { id: seed.incidentId } }),
    db.rescheduleRequest.count({ where: { id: seed.rescheduleRequestId } }),
    db.message.count({ where: { id: seed.messageId } }),
    db.messageRevision.count({ where: { id: seed.revisionId } }),
    db.recoveryStep.count({ where: { id: seed.recoveryStepId } }),
    db.lesson.count({ where: { id: seed.lessonId } }),
    db.preventionAction.count({ where: { id: { in: seed.preventionActionIds } } }),
    db.activityEvent.count({ where: { id: seed.activityEventId } }),
    db.passwordResetToken.count({ where: { id: seed.passwordResetTokenId } }),
    db.oAuthAccount.count({ where: { id: seed.oauthAccountId } }),
  ]);
  return {
    interviews,
    incidents,
    rescheduleRequests,
    messages,
    revisions,
    recoverySteps,
    lessons,
    preventionActions,
    activityEvents,
    passwordResetTokens,
    oauthAccounts,
  };
}

/** What countSeededRows answers while every seeded row is still there. */
export const ALL_SEEDED_ROWS = {
  interviews: 2,
  incidents: 1,
  rescheduleRequests: 1,
  messages: 1,
  revisions: 1,
  recoverySteps: 1,
  lessons: 1,
  preventionActions: 1,
  activityEvents: 1,
  passwordResetTokens: 1,
  oauthAccounts: 1,
};

/**
 * Every row of the account in a stable order, to compare before and after something that
 * must not touch it. updatedAt is part of each row, so even a no-op update shows.
 */
export async function snapshotAccount(userId: string) {
  const db = getDb();
  const byId = { orderBy: { id: 'asc' } } as const;
  const [user, recoverySteps] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      include: {
        oauthAccounts: byId,
        passwordResetTokens: byId,
        sessions: byId,
        interviews: byId,
        incidents: byId,
        rescheduleRequests: byId,
        messages: { ...byId, include: { revisions: byId } },
        lessons: { ...byId, include: { actions: byId } },
        activityEvents: byId,
        pushSubscriptions: byId,
        applications: byId,
        applicationStages: byId,
        stageChanges: byId,
        applicationContacts: byId,
      },
    }),
    db.recoveryStep.findMany({ where: { userId }, ...byId }),
  ]);
  return { user, recoverySteps };
}

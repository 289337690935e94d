import 'server-only';
import type { Tx } from '@/lib/db';
import {
  applicationMatchKey,
  type PipelineStage,
  stageAfterInterviewScheduled,
  stageForNewApplication,
} from '@/lib/domain/application-stages';
import { NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createDefaultStages } from './create-default-stages';
import { recordStageChange } from './record-stage-change';

const stageSelect = {
  id: true,
  name: true,
  position: true,
  kind: true,
  systemKey: true,
} satisfies Prisma.ApplicationStageSelect;

type PlacedApplication = { id: string; stageId: string };

/**
 * The application a new interview belongs to, inside the caller's transaction: the one named by
 * `applicationId` (the user's own, else NotFoundError), else the user's most recent open
 * application for the same company and role (applicationMatchKey), else a new one in Applied.
 * An interview is scheduled for it, so it then moves on to Interviewing where the stage rules
 * say so; every move is a StageChange. Returns the application's id.
 */
export async function placeInterviewInApplication(
  tx: Tx,
  userId: string,
  interview: { company: string; roleTitle: string; applicationId?: string },
  now = new Date(),
): Promise<string> {
  const stages = await readStages(tx, userId);
  const application = interview.applicationId
    ? await findOwnApplication(tx, userId, interview.applicationId)
    : await findOrCreateOpenApplication(tx, userId, interview, stages, now);
  await moveForScheduledInterview(tx, userId, application, stages, now);
  return application.id;
}

type NamedPipelineStage = PipelineStage & { name: string };

async function readStages(tx: Tx, userId: string): Promise<NamedPipelineStage[]> {
  const read = () =>
    tx.applicationStage.findMany({
      where: { userId },
      select: stageSelect,
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
  const stages = await read();
  if (stages.length > 0) return stages;
  // An account made before its stages were created with it (or by a test's factory).
  await createDefaultStages(tx, userId);
  return read();
}

async function findOwnApplication(tx: Tx, userId: string, id: string): Promise<PlacedApplication> {
  const application = await tx.application.findFirst({ where: { id, userId }, select: { id: true, stageId: true } });
  if (!application) throw new NotFoundError('application');
  return application;
}

async function findOrCreateOpenApplication(
  tx: Tx,
  userId: string,
  interview: { company: string; roleTitle: string },
  stages: readonly NamedPipelineStage[],
  now: Date,
): Promise<PlacedApplication> {
  const matchKey = applicationMatchKey(interview.company, interview.roleTitle);
  // Two interviews for a new company and role saved at once would otherwise each create an
  // application; the second waits here and finds the first one's.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`application:${userId}:${matchKey}`}, 0))`;
  const open = await tx.application.findFirst({
    where: { userId, matchKey, closedAt: null, stage: { kind: 'OPEN' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, stageId: true },
  });
  if (open) return open;
  const stage = stageForNewApplication(stages);
  if (!stage) throw new Error('The user has no open application stage to add an application to.');
  const created = await tx.application.create({
    data: { userId, company: interview.company, roleTitle: interview.roleTitle, matchKey, stageId: stage.id },
    select: { id: true, stageId: true },
  });
  await recordStageChange(tx, {
    userId,
    applicationId: created.id,
    from: null,
    to: stage,
    changedAt: now,
    cause: 'INTERVIEW_SCHEDULED',
  });
  return created;
}

async function moveForScheduledInterview(
  tx: Tx,
  userId: string,
  application: PlacedApplication,
  stages: readonly NamedPipelineStage[],
  now: Date,
): Promise<void> {
  const current = stages.find((stage) => stage.id === application.stageId);
  if (!current) return;
  const next = stageAfterInterviewScheduled(current, stages);
  if (next.id === current.id) return;
  // Conditional on the stage read, so a concurrent move is not overwritten or recorded twice.
  const { count } = await tx.application.updateMany({
    where: { id: application.id, userId, stageId: current.id },
    data: { stageId: next.id },
  });
  if (count === 0) return;
  await recordStageChange(tx, {
    userId,
    applicationId: application.id,
    from: current,
    to: next,
    changedAt: now,
    cause: 'INTERVIEW_SCHEDULED',
  });
}

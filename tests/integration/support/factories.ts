import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { applicationMatchKey, DEFAULT_STAGES, type StageSystemKey } from '@/lib/domain/application-stages';

/** A user of its own for each test, so tests never see each other's rows. */
export async function createTestUser(overrides: { email?: string; name?: string; timeZone?: string } = {}) {
  return getDb().user.create({
    data: {
      email: overrides.email ?? `user-${randomUUID()}@example.test`,
      name: overrides.name ?? 'Test Candidate',
      timeZone: overrides.timeZone ?? 'Europe/London',
    },
  });
}

/** The user's default stages, created when missing (the factory's users are made without them). */
export async function ensureTestStages(userId: string) {
  const db = getDb();
  await db.applicationStage.createMany({
    data: DEFAULT_STAGES.map((stage) => ({ ...stage, userId })),
    skipDuplicates: true,
  });
  return db.applicationStage.findMany({ where: { userId }, orderBy: { position: 'asc' } });
}

/** An application written directly, in Interviewing unless told otherwise; interviews of a test go in it. */
export async function createTestApplication(
  userId: string,
  overrides: Partial<{ company: string; roleTitle: string; stage: StageSystemKey; closedAt: Date }> = {},
) {
  const stages = await ensureTestStages(userId);
  const stageKey = overrides.stage ?? 'INTERVIEWING';
  const stage = stages.find((candidate) => candidate.systemKey === stageKey);
  if (!stage) throw new Error(`no ${stageKey} stage`);
  const company = overrides.company ?? 'Acme Ltd';
  const roleTitle = overrides.roleTitle ?? 'Backend Engineer';
  return getDb().application.create({
    data: {
      userId,
      company,
      roleTitle,
      matchKey: applicationMatchKey(company, roleTitle),
      stageId: stage.id,
      closedAt: overrides.closedAt ?? null,
    },
  });
}

export async function createTestInterview(
  userId: string,
  overrides: Partial<{ company: string; scheduledStart: Date; applicationId: string }> = {},
) {
  const company = overrides.company ?? 'Acme Ltd';
  const applicationId = overrides.applicationId ?? (await createTestApplication(userId, { company })).id;
  return getDb().interview.create({
    data: {
      userId,
      applicationId,
      company,
      roleTitle: 'Backend Engineer',
      scheduledStart: overrides.scheduledStart ?? new Date(Date.now() + 86_400_000),
      durationMinutes: 45,
      timeZone: 'Europe/London',
      format: 'IN_PERSON',
      location: '1 High Street, London',
    },
  });
}

import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { streamAccountExport } from '@/lib/server/accounts/stream-account-export';
import { createUserWithPassword, type UserWithPassword } from './support/accounts';
import { listExportedIds, seedUserData, type SeededUserData } from './support/seed';

const db = getDb();

type Seeded = UserWithPassword & { seed: SeededUserData };

let owner: Seeded;
let other: Seeded;

async function createSeededUser(): Promise<Seeded> {
  const account = await createUserWithPassword();
  // A calendar feed token is a secret too: it must not travel in an export file.
  const user = await db.user.update({
    where: { id: account.user.id },
    data: { calendarFeedToken: `feed-${randomUUID()}` },
  });
  return { ...account, user, seed: await seedUserData(user.id) };
}

beforeAll(async () => {
  [owner, other] = await Promise.all([createSeededUser(), createSeededUser()]);
});

afterAll(() => db.$disconnect());

/** Where a key occurs in a JSON-ready value, as dotted paths ("incidents.0.idempotencyKey"). */
function findKeyPaths(value: unknown, key: string, path: string[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => findKeyPaths(item, key, [...path, String(index)]));
  if (typeof value !== 'object' || value === null || value instanceof Date) return [];
  return Object.entries(value).flatMap(([name, child]) => [
    ...(name === key ? [[...path, name].join('.')] : []),
    ...findKeyPaths(child, key, [...path, name]),
  ]);
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

type Row = { id: string; [column: string]: unknown };
type ExportedAccount = {
  format: string;
  version: number;
  exportedAt: string;
  user: Record<string, unknown>;
  interviews: Row[];
  incidents: Row[];
  recoverySteps: Row[];
  rescheduleRequests: Row[];
  messages: (Row & { revisions: Row[] })[];
  lessons: (Row & { actions: (Row & { text: string })[] })[];
  activityEvents: Row[];
  applicationStages: Row[];
  applications: Row[];
  stageChanges: Row[];
  applicationContacts: Row[];
};

/** The downloaded file, read to the end and parsed. */
async function exportAccountData(userId: string): Promise<ExportedAccount> {
  return JSON.parse(await new Response(await streamAccountExport(userId)).text()) as ExportedAccount;
}

/** The account as the export read it before it streamed: every table at once. */
async function readAccountAtOnce(userId: string, exportedAt: Date) {
  const where = { userId };
  const [
    user,
    interviews,
    incidents,
    recoverySteps,
    rescheduleRequests,
    messages,
    lessons,
    activityEvents,
    applicationStages,
    applications,
    stageChanges,
    applicationContacts,
  ] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, name: true, timeZone: true, createdAt: true, updatedAt: true },
    }),
    db.interview.findMany({ where, orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }] }),
    db.missedIncident.findMany({
      where,
      orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
      omit: { idempotencyKey: true },
    }),
    db.recoveryStep.findMany({ where, orderBy: [{ completedAt: 'asc' }, { id: 'asc' }] }),
    db.rescheduleRequest.findMany({ where, orderBy: [{ askedAt: 'asc' }, { id: 'asc' }] }),
    db.message.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      omit: { idempotencyKey: true },
      include: { revisions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    }),
    db.lesson.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { actions: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
    }),
    db.activityEvent.findMany({ where, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] }),
    db.applicationStage.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.application.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], omit: { matchKey: true } }),
    db.stageChange.findMany({ where, orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] }),
    db.applicationContact.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  const exported = exportedAt.toISOString();
  return {
    format: 'rebound-export',
    version: 1,
    exportedAt: exported,
    user,
    interviews,
    incidents,
    recoverySteps,
    rescheduleRequests,
    messages,
    lessons,
    activityEvents,
    applicationStages,
    applications,
    stageChanges,
    applicationContacts,
  };
}

describe('exportAccountData', () => {
  it('contains every interview, incident, step, request, message with revisions, lesson with actions, event, application, stage, stage change and contact of the user', async () => {
    const data = await exportAccountData(owner.user.id);
    const { seed } = owner;

    expect(data).toMatchObject({ format: 'rebound-export', version: 1 });
    expect(data.user).toEqual({
      id: owner.user.id,
      email: owner.user.email,
      name: owner.user.name,
      timeZone: owner.user.timeZone,
      createdAt: owner.user.createdAt.toISOString(),
      updatedAt: owner.user.updatedAt.toISOString(),
    });
    expect(ids(data.interviews)).toEqual([...seed.interviewIds].sort());
    expect(ids(data.incidents)).toEqual([seed.incidentId]);
    expect(ids(data.recoverySteps)).toEqual([seed.recoveryStepId]);
    expect(ids(data.rescheduleRequests)).toEqual([seed.rescheduleRequestId]);
    expect(ids(data.messages)).toEqual([seed.messageId]);
    expect(ids(data.messages[0]?.revisions ?? [])).toEqual([seed.revisionId]);
    expect(ids(data.lessons)).toEqual([seed.lessonId]);
    expect(ids(data.lessons[0]?.actions ?? [])).toEqual([...seed.preventionActionIds].sort());
    expect(data.lessons[0]?.actions[0]).toMatchObject({ text: 'Leave 30 minutes earlier' });
    expect(ids(data.activityEvents)).toEqual([seed.activityEventId]);
    expect(ids(data.applicationStages)).toEqual([...seed.stageIds].sort());
    expect(data.applicationStages).toHaveLength(9);
    expect(ids(data.applications)).toEqual([seed.applicationId]);
    expect(data.applications[0]).toMatchObject({ company: 'Acme Ltd', roleTitle: 'Backend Engineer' });
    expect(data.applications[0]).not.toHaveProperty('matchKey');
    expect(ids(data.stageChanges)).toEqual([seed.stageChangeId]);
    expect(ids(data.applicationContacts)).toEqual([seed.applicationContactId]);
    expect(data.interviews.map((interview) => interview.applicationId)).toEqual([
      seed.applicationId,
      seed.applicationId,
    ]);
    // The file is JSON: every row survives the round trip.
    const json = JSON.stringify(data);
    for (const id of listExportedIds(seed)) expect(json).toContain(`"${id}"`);
  });

  it('carries no password hash and no other secret of the account', async () => {
    const json = JSON.stringify(await exportAccountData(owner.user.id));

    expect(owner.user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(json).not.toContain('passwordHash');
    expect(json).not.toContain(owner.user.passwordHash ?? '$argon2id$');
    expect(json).not.toContain('$argon2');
    expect(json).not.toContain(owner.user.calendarFeedToken ?? 'calendarFeedToken');
    expect(json).not.toContain('calendarFeedToken');
    expect(json).not.toContain('sessionVersion');
  });

  it('leaves out the idempotency key of messages', async () => {
    const data = await exportAccountData(owner.user.id);

    expect(data.messages[0]).not.toHaveProperty('idempotencyKey');
    expect(JSON.stringify(data.messages)).not.toContain(owner.seed.messageIdempotencyKey);
  });

  // Incidents carry an internal idempotency key too; the export omits it there as well.
  it('has no idempotencyKey anywhere, incidents included', async () => {
    const data = await exportAccountData(owner.user.id);

    expect(findKeyPaths(data, 'idempotencyKey')).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(owner.seed.incidentIdempotencyKey);
  });

  it("contains none of another user's rows, ids or email", async () => {
    const json = JSON.stringify(await exportAccountData(owner.user.id));

    const othersIds = [
      other.user.id,
      ...listExportedIds(other.seed),
      other.seed.passwordResetTokenId,
      other.seed.oauthAccountId,
    ];
    expect(othersIds.filter((id) => json.includes(id))).toEqual([]);
    expect(json).not.toContain(other.user.email);
    // And the other user's export is the mirror image.
    const othersJson = JSON.stringify(await exportAccountData(other.user.id));
    expect([owner.user.id, ...listExportedIds(owner.seed)].filter((id) => othersJson.includes(id))).toEqual([]);
    for (const id of listExportedIds(other.seed)) expect(othersJson).toContain(id);
  });
});

describe('the streamed account export', () => {
  it('is, batch by batch, the same file as the whole account written at once', async () => {
    const exportedAt = new Date('2026-06-01T12:00:00.000Z');
    // One row per batch, so every table with rows is read in several batches.
    const reader = (await streamAccountExport(owner.user.id, { exportedAt, batchSize: 1 })).getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);

    expect(chunks.length).toBeGreaterThan(8);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(
      JSON.stringify(await readAccountAtOnce(owner.user.id, exportedAt), null, 2),
    );
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import { createScratchDatabase } from '@/scripts/lib/scratch-database.mjs';

/*
 * The migration that added applications, on a database written by the schema before it: every
 * earlier migration folder, then rows shaped like that version's data (raw SQL, since today's
 * client needs an application for each interview), then the new migration.
 */

const migrations = path.resolve(__dirname, '..', '..', 'prisma', 'migrations');
const folders = readdirSync(migrations, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const applicationsFolder = folders.find((name) => name.endsWith('_applications'));
if (!applicationsFolder) throw new Error('no applications migration');
const earlierFolders = folders.slice(0, folders.indexOf(applicationsFolder));
const laterFolders = folders.slice(folders.indexOf(applicationsFolder) + 1);

const readMigration = (folder: string) => readFileSync(path.join(migrations, folder, 'migration.sql'), 'utf8');
const applicationsSql = readMigration(applicationsFolder);

/** The data part of the migration, without the closing SET NOT NULL: what must be safe to run again. */
function readDataPart(): string {
  const start = applicationsSql.indexOf('-- Existing data.');
  const end = applicationsSql.indexOf('ALTER TABLE "Interview" ALTER COLUMN "applicationId" SET NOT NULL');
  if (start < 0 || end < start) throw new Error('the migration has no data part');
  return applicationsSql.slice(start, end);
}

const OLD_TABLES = [
  'User',
  'Interview',
  'MissedIncident',
  'RescheduleRequest',
  'Message',
  'Reminder',
  'Lesson',
  'PreventionAction',
  'ActivityEvent',
] as const;
const NEW_TABLES = ['Application', 'ApplicationStage', 'StageChange', 'ApplicationContact'] as const;

// The interviews as the earlier version stored them: [id, user, company, role, status, createdAt, rescheduledFromId].
const INTERVIEWS = [
  ['a-eng-1', 'ua', 'Acme', 'Engineer', 'COMPLETED', '2026-01-01T09:00:00Z', null],
  ['a-eng-2', 'ua', ' acme ', 'ENGINEER  ', 'SCHEDULED', '2026-01-05T09:00:00Z', null],
  ['a-eng-3', 'ua', 'Acme\u00a0', 'Engineer', 'SCHEDULED', '2026-01-11T09:00:00Z', null],
  ['a-des-1', 'ua', 'Acme', 'Designer', 'RESCHEDULED', '2026-01-02T09:00:00Z', null],
  // Its replacement, whose company was edited afterwards: the chain keeps it with its original.
  ['a-des-2', 'ua', 'Acme Inc', 'Designer', 'SCHEDULED', '2026-01-03T09:00:00Z', 'a-des-1'],
  ['a-glx-1', 'ua', 'Globex', 'Analyst', 'CANCELLED', '2026-01-04T09:00:00Z', null],
  ['a-glx-2', 'ua', 'Globex', 'Analyst', 'WITHDRAWN', '2026-01-06T09:00:00Z', null],
  ['a-ini-1', 'ua', 'Initech', 'PM', 'CANCELLED', '2026-01-07T09:00:00Z', null],
  ['b-eng-1', 'ub', 'ACME', 'engineer', 'MISSED', '2026-01-08T09:00:00Z', null],
  // Made into a loop of reschedules below, which no first interview leads to.
  ['c-loop-1', 'uc', 'Loop Co', 'QA', 'RESCHEDULED', '2026-01-09T09:00:00Z', null],
  ['c-loop-2', 'uc', 'Loop Co', 'QA', 'SCHEDULED', '2026-01-10T09:00:00Z', null],
] as const;

async function seedOldData(client: pg.Client) {
  await client.query(`
    INSERT INTO "User" (id, email, name, "timeZone", "updatedAt") VALUES
      ('ua', 'ua@example.test', 'Ada', 'Europe/London', now()),
      ('ub', 'ub@example.test', 'Bo', 'America/New_York', now()),
      ('uc', 'uc@example.test', 'Cy', 'UTC', now()),
      ('ud', 'ud@example.test', 'Di', 'UTC', now())`);
  for (const [id, userId, company, role, status, createdAt, from] of INTERVIEWS) {
    await client.query(
      `INSERT INTO "Interview" (id, "userId", company, "roleTitle", status, "scheduledStart", "timeZone", format,
         "rescheduledFromId", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz + interval '30 days', 'Europe/London', 'VIDEO', $7, $6, $6::timestamptz + interval '1 day')`,
      [id, userId, company, role, status, createdAt, from],
    );
  }
  await client.query(`
    UPDATE "Interview" SET "rescheduledFromId" = 'c-loop-2' WHERE id = 'c-loop-1';
    UPDATE "Interview" SET "rescheduledFromId" = 'c-loop-1' WHERE id = 'c-loop-2';`);
  await client.query(`
    INSERT INTO "MissedIncident" (id, "userId", "interviewId", reason, outcome, "closedAt", "updatedAt")
      VALUES ('inc', 'ua', 'a-des-1', 'TRAFFIC_TRANSPORT', 'RESCHEDULED', now(), now());
    INSERT INTO "RescheduleRequest" (id, "userId", "incidentId", channel, status, "newInterviewId", "updatedAt")
      VALUES ('req', 'ua', 'inc', 'EMAIL', 'ACCEPTED', 'a-des-2', now());
    INSERT INTO "Message" (id, "userId", "interviewId", "incidentId", kind, channel, body, "updatedAt")
      VALUES ('msg', 'ua', 'a-des-1', 'inc', 'APOLOGY', 'EMAIL', 'Sorry.', now());
    INSERT INTO "Reminder" (id, "userId", "interviewId", kind, "dedupeKey", "dueAt", "latestUsefulAt", channels, "updatedAt")
      VALUES ('rem', 'ua', 'a-eng-2', 'EVENING_BEFORE', 'rem-key', now(), now(), ARRAY['email'], now());
    INSERT INTO "Lesson" (id, "userId", "incidentId", "rootCause", "whatHappened", "updatedAt")
      VALUES ('les', 'ua', 'inc', 'TRAFFIC_TRANSPORT', 'Left too late', now());
    INSERT INTO "PreventionAction" (id, "lessonId", text) VALUES ('act', 'les', 'Leave earlier');
    INSERT INTO "ActivityEvent" (id, "userId", "interviewId", type, summary)
      VALUES ('evt', 'ua', 'a-des-1', 'INCIDENT_OPENED', 'Marked as missed');`);
}

/** Every row of the tables the earlier version had, as JSON, without the columns the migration added. */
async function snapshotOldTables(client: pg.Client) {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of OLD_TABLES) {
    const { rows } = await client.query(
      `SELECT to_jsonb(t) - 'applicationId' - 'contactId' AS row FROM "${table}" AS t ORDER BY id`,
    );
    snapshot[table] = rows.map((row) => row.row);
  }
  return snapshot;
}

/** Each row of `snapshot` cut down to the columns of the row in the same place in `like`. */
function withColumnsOf(snapshot: Record<string, unknown[]>, like: Record<string, unknown[]>) {
  return Object.fromEntries(
    Object.entries(snapshot).map(([table, rows]) => [
      table,
      rows.map((row, index) => {
        const old = like[table]?.[index] as Record<string, unknown> | undefined;
        if (!old) return row;
        const values = row as Record<string, unknown>;
        return Object.fromEntries(Object.keys(old).map((column) => [column, values[column]]));
      }),
    ]),
  );
}

async function snapshotNewTables(client: pg.Client) {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of [...NEW_TABLES, 'Interview']) {
    const { rows } = await client.query(`SELECT to_jsonb(t) AS row FROM "${table}" AS t ORDER BY id`);
    snapshot[table] = rows.map((row) => row.row);
  }
  return snapshot;
}

type GroupRow = {
  userId: string;
  company: string;
  roleTitle: string;
  interviews: string[];
  stage: string;
  closeReason: string | null;
  closed: boolean;
  appliedOn: string | null;
  createdAt: Date;
};

let client: pg.Client;
let scratch: { url: string; drop(): Promise<void> };
let before: Awaited<ReturnType<typeof snapshotOldTables>>;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  scratch = await createScratchDatabase(url, 'rebound_apps_upgrade');
  client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  for (const folder of earlierFolders) await client.query(readMigration(folder));
  await seedOldData(client);
  before = await snapshotOldTables(client);
  await client.query(applicationsSql);
}, 60_000);

afterAll(async () => {
  await client?.end();
  await scratch?.drop();
});

describe('the applications migration on data of the earlier version', () => {
  it('gives every interview an application of its own user', async () => {
    const { rows } = await client.query(`
      SELECT count(*)::int AS "missing" FROM "Interview" AS i
      LEFT JOIN "Application" AS a ON a.id = i."applicationId" AND a."userId" = i."userId"
      WHERE a.id IS NULL`);
    expect(rows[0].missing).toBe(0);
    const { rows: column } = await client.query(`
      SELECT is_nullable FROM information_schema.columns WHERE table_name = 'Interview' AND column_name = 'applicationId'`);
    expect(column[0].is_nullable).toBe('NO');
  });

  it('groups by user and normalised company and role, follows reschedules, and infers the stage', async () => {
    const { rows } = await client.query<GroupRow>(`
      SELECT a."userId", a.company, a."roleTitle", s."systemKey" AS stage, a."closeReason",
             a."closedAt" IS NOT NULL AS closed, a."appliedOn", a."createdAt",
             array_agg(i.id ORDER BY i."scheduledStart", i.id) AS interviews
      FROM "Application" AS a
      JOIN "ApplicationStage" AS s ON s.id = a."stageId" AND s."userId" = a."userId"
      JOIN "Interview" AS i ON i."applicationId" = a.id
      GROUP BY a.id, s."systemKey"
      ORDER BY a."userId", a."createdAt"`);
    const shape = rows.map(({ createdAt: _createdAt, ...row }) => row);
    const open = { closeReason: null, closed: false, appliedOn: null };
    expect(shape).toEqual([
      {
        userId: 'ua',
        company: 'Acme',
        roleTitle: 'Engineer',
        interviews: ['a-eng-1', 'a-eng-2', 'a-eng-3'],
        stage: 'INTERVIEWING',
        ...open,
      },
      {
        userId: 'ua',
        company: 'Acme',
        roleTitle: 'Designer',
        interviews: ['a-des-1', 'a-des-2'],
        stage: 'INTERVIEWING',
        ...open,
      },
      {
        userId: 'ua',
        company: 'Globex',
        roleTitle: 'Analyst',
        interviews: ['a-glx-1', 'a-glx-2'],
        stage: 'WITHDRAWN',
        closeReason: 'WITHDRAWN',
        closed: true,
        appliedOn: null,
      },
      { userId: 'ua', company: 'Initech', roleTitle: 'PM', interviews: ['a-ini-1'], stage: 'INTERVIEWING', ...open },
      { userId: 'ub', company: 'ACME', roleTitle: 'engineer', interviews: ['b-eng-1'], stage: 'INTERVIEWING', ...open },
      {
        userId: 'uc',
        company: 'Loop Co',
        roleTitle: 'QA',
        interviews: ['c-loop-1', 'c-loop-2'],
        stage: 'INTERVIEWING',
        ...open,
      },
    ]);
    // Created when the group's earliest interview was.
    expect(rows.map((row) => row.createdAt.toISOString())).toEqual([
      '2026-01-01T09:00:00.000Z',
      '2026-01-02T09:00:00.000Z',
      '2026-01-04T09:00:00.000Z',
      '2026-01-07T09:00:00.000Z',
      '2026-01-08T09:00:00.000Z',
      '2026-01-09T09:00:00.000Z',
    ]);
    // The key the app computes for a new interview finds each carried-over application.
    const { rows: keys } = await client.query(`SELECT company, "roleTitle", "matchKey" FROM "Application"`);
    for (const row of keys) expect(row.matchKey).toBe(applicationMatchKey(row.company, row.roleTitle));
    expect(keys.map((row) => row.matchKey)).toContain('acme\u001fengineer');
  });

  it('gives every user, with or without interviews, the default stages', async () => {
    const { rows } = await client.query(`
      SELECT "userId", array_agg("systemKey" ORDER BY position) AS keys, array_agg(name ORDER BY position) AS names,
             array_agg(kind::text ORDER BY position) AS kinds, array_agg("noReplyDays" ORDER BY position) AS days
      FROM "ApplicationStage" GROUP BY "userId" ORDER BY "userId"`);
    expect(rows.map((row) => row.userId)).toEqual(['ua', 'ub', 'uc', 'ud']);
    for (const row of rows) {
      expect(row.names).toEqual([
        'Saved',
        'Applied',
        'Screening',
        'Interviewing',
        'Offer',
        'Accepted',
        'Rejected',
        'Withdrawn',
        'Ghosted',
      ]);
      expect(row.keys).toEqual([
        'SAVED',
        'APPLIED',
        'SCREENING',
        'INTERVIEWING',
        'OFFER',
        'ACCEPTED',
        'REJECTED',
        'WITHDRAWN',
        'GHOSTED',
      ]);
      expect(row.kinds).toEqual(['OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED']);
      expect(row.days).toEqual([null, 14, 7, 7, null, null, null, null, null]);
    }
  });

  it('starts each application’s timeline with one change from the migration', async () => {
    const { rows } = await client.query(`
      SELECT a.id, count(c.id)::int AS changes,
             bool_and(c."fromStageId" IS NULL AND c."toStageId" = a."stageId" AND c."changedAt" = a."createdAt"
                      AND c.cause = 'MIGRATION' AND c.note = 'Carried over from your interviews'
                      AND c."userId" = a."userId") AS shaped
      FROM "Application" AS a LEFT JOIN "StageChange" AS c ON c."applicationId" = a.id
      GROUP BY a.id`);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toMatchObject({ changes: 1, shaped: true });
  });

  it('leaves every row of the earlier tables as it was, links and ids included', async () => {
    expect(await snapshotOldTables(client)).toEqual(before);
    expect(before.Interview).toHaveLength(INTERVIEWS.length);
    const { rows } = await client.query(`SELECT "rescheduledFromId" FROM "Interview" WHERE id = 'a-des-2'`);
    expect(rows[0].rescheduledFromId).toBe('a-des-1');
  });

  it('changes nothing when its data part runs again', async () => {
    const once = await snapshotNewTables(client);
    await client.query(readDataPart());
    expect(await snapshotNewTables(client)).toEqual(once);
    expect(await snapshotOldTables(client)).toEqual(before);
  });

  it('keeps every row through the migrations after it, each change carrying its stages’ names', async () => {
    // Contacts typed into two rounds of one application, spelled differently, and one elsewhere.
    await client.query(`
      UPDATE "Interview" SET "contactName" = 'Dana Reyes', "contactEmail" = NULL WHERE id = 'a-des-1';
      UPDATE "Interview" SET "contactName" = 'dana reyes', "contactEmail" = 'dana@acme.test' WHERE id = 'a-des-2';
      UPDATE "Interview" SET "contactName" = 'Lee', "contactPhone" = '+44 20 7946 0000' WHERE id = 'a-eng-2';`);
    before = await snapshotOldTables(client);
    const carried = await snapshotNewTables(client);
    for (const folder of laterFolders) await client.query(readMigration(folder));
    const contacts = await client.query(`
      SELECT c.name, c.email, c.phone, array_agg(i.id ORDER BY i.id) AS interviews
      FROM "ApplicationContact" AS c JOIN "Interview" AS i ON i."contactId" = c.id AND i."applicationId" = c."applicationId"
      GROUP BY c.id ORDER BY c.name`);
    expect(contacts.rows).toEqual([
      { name: 'Dana Reyes', email: 'dana@acme.test', phone: null, interviews: ['a-des-1', 'a-des-2'] },
      { name: 'Lee', email: null, phone: '+44 20 7946 0000', interviews: ['a-eng-2'] },
    ]);
    const { rows } = await client.query(`
      SELECT count(*)::int AS "changes",
             count(*) FILTER (WHERE c."toStageName" = s.name AND c."fromStageName" IS NULL)::int AS "named"
      FROM "StageChange" AS c JOIN "ApplicationStage" AS s ON s.id = c."toStageId"`);
    expect(rows[0].changes).toBeGreaterThan(0);
    expect(rows[0].named).toBe(rows[0].changes);
    const after = await client.query(`SELECT
      (SELECT count(*)::int FROM "Application") AS applications,
      (SELECT count(*)::int FROM "StageChange") AS changes,
      (SELECT count(*)::int FROM "ApplicationStage") AS stages,
      (SELECT count(*)::int FROM "ApplicationContact") AS contacts`);
    expect(after.rows[0]).toEqual({
      applications: carried.Application?.length,
      contacts: 2,
      changes: carried.StageChange?.length,
      stages: carried.ApplicationStage?.length,
    });
    const lesson = await client.query(`SELECT company FROM "Lesson" WHERE id = 'les'`);
    expect(lesson.rows[0].company).toBe(INTERVIEWS.find(([id]) => id === 'a-des-1')?.[2]);
    // The old rows as they were, leaving aside the columns the later migrations added (a row
    // missing, or an old column gone or changed, still shows).
    const now = await snapshotOldTables(client);
    // Except what the calendar_uid migration reshapes: the replacement's SEQUENCE, above its first slot's.
    const reshaped = (before.Interview ?? []).map((row) =>
      (row as { id: string }).id === 'a-des-2' ? { ...(row as object), calendarSequence: 1 } : row,
    );
    expect(withColumnsOf(now, before)).toEqual({ ...before, Interview: reshaped });

    const linked = await snapshotNewTables(client);
    const historyFolder = folders.find((folder) => folder.endsWith('_application_history'));
    if (!historyFolder) throw new Error('no application_history migration');
    const historySql = readMigration(historyFolder);
    await client.query(historySql.slice(historySql.indexOf('-- The contacts typed into interviews')));
    expect(await snapshotNewTables(client)).toEqual(linked);
  });
});

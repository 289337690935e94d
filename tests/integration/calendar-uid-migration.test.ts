import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createScratchDatabase } from '@/scripts/lib/scratch-database.mjs';

/*
 * The migration that gives every slot of a rescheduled meeting one calendar UID, on a database
 * written by the schema before it: every earlier migration folder, then chains of one, two and
 * three slots (raw SQL, as that version stored them), then the new migration.
 */

const migrations = path.resolve(__dirname, '..', '..', 'prisma', 'migrations');
const folders = readdirSync(migrations, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const calendarUidFolder = folders.find((name) => name.endsWith('_calendar_uid'));
if (!calendarUidFolder) throw new Error('no calendar_uid migration');
const earlierFolders = folders.slice(0, folders.indexOf(calendarUidFolder));
const readMigration = (folder: string) => readFileSync(path.join(migrations, folder, 'migration.sql'), 'utf8');
const calendarUidSql = readMigration(calendarUidFolder);

/** The data part, after the new column: what must be safe to run again. */
function readDataPart(): string {
  const start = calendarUidSql.indexOf('WITH RECURSIVE');
  if (start < 0) throw new Error('the migration has no data part');
  return calendarUidSql.slice(start);
}

// [id, user, status, calendarSequence, rescheduledFromId], as the earlier version stored them.
const INTERVIEWS = [
  // One slot, never moved.
  ['single', 'ua', 'SCHEDULED', 4, null],
  // Two slots: the new one's SEQUENCE (1) is below the old one's (3).
  ['two-1', 'ua', 'RESCHEDULED', 3, null],
  ['two-2', 'ua', 'SCHEDULED', 1, 'two-1'],
  // Three slots: the middle one edited often (its SEQUENCE already above the first's), the last
  // one behind again.
  ['three-1', 'ub', 'MISSED', 2, null],
  ['three-2', 'ub', 'RESCHEDULED', 6, 'three-1'],
  ['three-3', 'ub', 'SCHEDULED', 0, 'three-2'],
  // A loop of links no first slot leads to: left as it is.
  ['loop-1', 'ub', 'RESCHEDULED', 1, null],
  ['loop-2', 'ub', 'RESCHEDULED', 1, null],
] as const;

const TABLES = ['Interview', 'Reminder', 'MissedIncident', 'RescheduleRequest', 'ActivityEvent'] as const;

async function seedOldData(client: pg.Client) {
  await client.query(`
    INSERT INTO "User" (id, email, name, "timeZone", "updatedAt") VALUES
      ('ua', 'ua@example.test', 'Ada', 'Europe/London', now()),
      ('ub', 'ub@example.test', 'Bo', 'America/New_York', now());
    INSERT INTO "ApplicationStage" (id, "userId", name, position, kind) VALUES
      ('sa', 'ua', 'Interviewing', 0, 'OPEN'), ('sb', 'ub', 'Interviewing', 0, 'OPEN');
    INSERT INTO "Application" (id, "userId", company, "roleTitle", "matchKey", "stageId", "updatedAt") VALUES
      ('aa', 'ua', 'Acme', 'Engineer', 'acme engineer', 'sa', now()),
      ('ab', 'ub', 'Globex', 'Analyst', 'globex analyst', 'sb', now());`);
  for (const [index, [id, userId, status, sequence, from]] of INTERVIEWS.entries()) {
    await client.query(
      `INSERT INTO "Interview" (id, "userId", "applicationId", company, "roleTitle", status, "calendarSequence",
         "rescheduledFromId", "scheduledStart", "timeZone", format, "updatedAt")
       VALUES ($1, $2, $3, 'Acme', 'Engineer', $4, $5, $6, '2027-01-10T09:00:00Z'::timestamptz + $7 * interval '1 day',
         'Europe/London', 'VIDEO', now())`,
      [id, userId, userId === 'ua' ? 'aa' : 'ab', status, sequence, from, index],
    );
  }
  await client.query(`
    UPDATE "Interview" SET "rescheduledFromId" = 'loop-2' WHERE id = 'loop-1';
    UPDATE "Interview" SET "rescheduledFromId" = 'loop-1' WHERE id = 'loop-2';
    INSERT INTO "Reminder" (id, "userId", "interviewId", kind, "dedupeKey", "dueAt", "latestUsefulAt", channels, "updatedAt")
      VALUES ('rem', 'ub', 'three-3', 'EVENING_BEFORE', 'rem-key', now(), now(), ARRAY['email'], now());
    INSERT INTO "MissedIncident" (id, "userId", "interviewId", reason, outcome, "updatedAt")
      VALUES ('inc', 'ub', 'three-1', 'FORGOT', 'RESCHEDULED', now());
    INSERT INTO "RescheduleRequest" (id, "userId", "incidentId", channel, status, "newInterviewId", "updatedAt")
      VALUES ('req', 'ub', 'inc', 'EMAIL', 'ACCEPTED', 'three-2', now());
    INSERT INTO "ActivityEvent" (id, "userId", "interviewId", type, summary)
      VALUES ('evt', 'ua', 'two-2', 'CREATED', 'Rescheduled by the employer');`);
}

/** Every row of the tables a chain touches, as JSON. */
async function snapshot(client: pg.Client) {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) {
    const { rows } = await client.query(`SELECT to_jsonb(t) AS row FROM "${table}" AS t ORDER BY id`);
    tables[table] = rows.map((row) => row.row);
  }
  return tables;
}

async function calendarEntries(client: pg.Client) {
  const { rows } = await client.query<{ id: string; calendarUid: string | null; calendarSequence: number }>(
    `SELECT id, "calendarUid", "calendarSequence" FROM "Interview" ORDER BY id`,
  );
  return Object.fromEntries(rows.map((row) => [row.id, [row.calendarUid, row.calendarSequence]]));
}

let client: pg.Client;
let scratch: { url: string; drop(): Promise<void> };
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  scratch = await createScratchDatabase(url, 'rebound_calendar_uid_upgrade');
  client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  for (const folder of earlierFolders) await client.query(readMigration(folder));
  await seedOldData(client);
  before = await snapshot(client);
  await client.query(calendarUidSql);
}, 60_000);

afterAll(async () => {
  await client?.end();
  await scratch?.drop();
});

describe('the calendar UID migration on data of the earlier version', () => {
  it("gives each later slot of a chain its first slot's UID and a SEQUENCE above the slot before", async () => {
    expect(await calendarEntries(client)).toEqual({
      single: [null, 4],
      'two-1': [null, 3],
      'two-2': ['two-1', 4],
      'three-1': [null, 2],
      // Already above the first slot's: kept.
      'three-2': ['three-1', 6],
      'three-3': ['three-1', 7],
      'loop-1': [null, 1],
      'loop-2': [null, 1],
    });
  });

  it('keeps every row and link, changing nothing but the later slots’ UID and SEQUENCE', async () => {
    const after = await snapshot(client);
    const reshaped = new Set(['two-2', 'three-3']);
    expect(after.Interview).toHaveLength(INTERVIEWS.length);
    for (const [index, row] of (after.Interview ?? []).entries()) {
      const { calendarUid: _uid, calendarSequence, ...rest } = row;
      const { calendarSequence: oldSequence, ...oldRest } = before.Interview?.[index] ?? {};
      expect(rest).toEqual(oldRest);
      if (!reshaped.has(String(row.id))) expect(calendarSequence).toBe(oldSequence);
    }
    for (const table of TABLES.slice(1)) expect(after[table]).toEqual(before[table]);
    const { rows } = await client.query(`
      SELECT count(*)::int AS orphans FROM "Interview" AS i
      WHERE (i."rescheduledFromId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Interview" AS o WHERE o.id = i."rescheduledFromId"))
         OR (i."calendarUid" IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM "Interview" AS o WHERE o.id = i."calendarUid" AND o."userId" = i."userId"))`);
    expect(rows[0].orphans).toBe(0);
  });

  it('changes nothing when its data part runs again', async () => {
    const once = await snapshot(client);
    await client.query(readDataPart());
    expect(await snapshot(client)).toEqual(once);
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The embedded PostgreSQL of `npm start`, driven the way a user meets it: the launcher on a data
// dir in each bad state, and the carry-over of a data dir from the earlier PGlite version. The
// scripts are ES modules that load the binaries' packages, so each case runs in a child process.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..', '..');

function runNode(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env };
  delete childEnv.DATABASE_URL;
  return spawnSync(process.execPath, args, { cwd: root, env: childEnv, encoding: 'utf8', timeout: 90_000 });
}

/** `npm start` on dataDir, expected to stop before serving: its exit code and what it said. */
function startLauncher(dataDir: string, env: Record<string, string> = {}) {
  const result = runNode(['scripts/start.mjs'], { REBOUND_DATA_DIR: dataDir, PORT: '1', ...env });
  return { status: result.status, message: result.stderr.trim(), output: result.stdout };
}

/** A child that starts the embedded database on dataDir and holds it until killed. */
function holdDatabase(dataDir: string): Promise<ChildProcess> {
  const script = `
    import { startEmbeddedDatabase } from './scripts/lib/embedded-database.mjs';
    const database = await startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)}, log: () => {} });
    process.on('SIGTERM', async () => { await database.stop(); process.exit(0); });
    console.log('ready');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
  });
}

async function stopHolder(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('the embedded database', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rebound-embedded-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second app on the same data dir with a clear message, and serves it again once the first has gone', async () => {
    const holder = await holdDatabase(dataDir);
    try {
      const second = startLauncher(dataDir);
      expect(second.status).toBe(1);
      expect(second.message).toBe(
        `Rebound could not start: Another Rebound process (pid ${holder.pid}) is using the embedded database in ${dataDir}. Stop it first, or set REBOUND_DATA_DIR to a different folder.`,
      );
    } finally {
      await stopHolder(holder);
    }
    const again = await holdDatabase(dataDir);
    await stopHolder(again);
  });

  it('refuses a data dir written by a newer PostgreSQL major version', () => {
    mkdirSync(path.join(dataDir, 'postgres'));
    writeFileSync(path.join(dataDir, 'postgres', 'PG_VERSION'), '19\n');
    const result = startLauncher(dataDir);
    expect(result.status).toBe(1);
    expect(result.message).toContain(
      'was written by PostgreSQL 19, newer than the PostgreSQL 18 this version of Rebound ships. Update Rebound',
    );
    expect(result.message).not.toMatch(/\n\s+at /);
  });

  it('refuses a damaged data dir without touching it', () => {
    mkdirSync(path.join(dataDir, 'postgres'));
    writeFileSync(path.join(dataDir, 'postgres', 'base'), 'not a cluster');
    const result = startLauncher(dataDir);
    expect(result.status).toBe(1);
    expect(result.message).toContain('is not empty but holds no PostgreSQL database (no PG_VERSION)');
  });

  it('says the database files are damaged when the server cannot open them', async () => {
    const holder = await holdDatabase(dataDir);
    await stopHolder(holder);
    // pg_control is what the server reads first; zeroed, the cluster cannot start.
    writeFileSync(path.join(dataDir, 'postgres', 'global', 'pg_control'), Buffer.alloc(8192));
    const result = startLauncher(dataDir);
    expect(result.status).toBe(1);
    expect(result.message).toMatch(
      /^Rebound could not start: The embedded database in .+ could not start: (PANIC|FATAL): .+ If its files were damaged, restore them from a backup/,
    );
  });

  it.each([
    ['SMTP_PORT', 'abc', 'SMTP_PORT must be a port number between 1 and 65535 (it is "abc").'],
    [
      'REBOUND_TRUSTED_PROXIES',
      'banana',
      'REBOUND_TRUSTED_PROXIES must be a number of proxy hops (like 1) or a comma list of CIDRs (like 10.0.0.0/8,::1/128) (it is "banana").',
    ],
  ])('stops at once on a bad %s, in one line naming it, before starting a database', (name, value, message) => {
    const result = startLauncher(dataDir, { [name]: value });
    expect(result.status).toBe(1);
    expect(result.message).toBe(`Rebound could not start: ${message}`);
    expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
  });

  it('names the port when the one asked for is taken', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const result = startLauncher(dataDir, { REBOUND_EMBEDDED_DB_PORT: String(port) });
      expect(result.status).toBe(1);
      expect(result.message).toBe(
        `Rebound could not start: Port ${port} on 127.0.0.1 is already in use, so the embedded database cannot listen there. Set REBOUND_EMBEDDED_DB_PORT to a free port, or leave it unset to pick one.`,
      );
    } finally {
      server.close();
    }
  });

  it('says what to do when the data folder cannot be written', () => {
    const file = path.join(dataDir, 'a-file');
    writeFileSync(file, '');
    const result = startLauncher(path.join(file, 'data'));
    expect(result.status).toBe(1);
    expect(result.message).toBe(
      `Rebound could not start: The data folder ${path.join(file, 'data')} is not writable (ENOTDIR). Fix its permissions, or set REBOUND_DATA_DIR to a folder you can write.`,
    );
  });

  it('points to DATABASE_URL on a platform it has no binaries for', () => {
    const script = `
      import { resolveBinaries } from './scripts/lib/postgres-cluster.mjs';
      try { await resolveBinaries('aix', 'ppc64'); } catch (error) { console.log(error.message); }
    `;
    const result = runNode(['--input-type=module', '-e', script]);
    expect(result.stdout.trim()).toBe(
      'The embedded PostgreSQL has no binaries for aix-ppc64. Set DATABASE_URL to a PostgreSQL 15+ server to run Rebound without the embedded database.',
    );
  });

  it('carries a data dir of the earlier PGlite version over on first start, once', () => {
    // The earlier version: PGlite files in <data>/pglite, migrated and holding an account.
    const script = `
      import { readFileSync, readdirSync, existsSync } from 'node:fs';
      import path from 'node:path';
      import pg from 'pg';
      import { PGlite } from '@electric-sql/pglite';
      import { startEmbeddedDatabase } from './scripts/lib/embedded-database.mjs';
      import { importPgliteDataDir } from './scripts/lib/import-pglite.mjs';
      import { migrateDatabase } from './scripts/lib/migrate.mjs';
      const dataDir = ${JSON.stringify(dataDir)};
      const old = await PGlite.create(path.join(dataDir, 'pglite'));
      await old.exec(\`CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
        migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
        applied_steps_count integer NOT NULL DEFAULT 0)\`);
      // That version predates applications: its interviews get theirs when the import is migrated.
      const folders = readdirSync('prisma/migrations').filter((entry) => !entry.endsWith('.toml')).sort();
      const earlier = folders.slice(0, folders.findIndex((entry) => entry.endsWith('_applications')));
      for (const name of earlier) {
        await old.exec(readFileSync(path.join('prisma/migrations', name, 'migration.sql'), 'utf8'));
        await old.query("INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, 'x', now(), $1, 1)", [name]);
      }
      await old.query(\`INSERT INTO "User" (id, email, name, "timeZone", "updatedAt") VALUES ('u1', 'ada@example.test', 'Ada ✓', 'Europe/London', now())\`);
      await old.query(\`INSERT INTO "Interview" (id, "userId", company, "roleTitle", "scheduledStart", "timeZone", format, "updatedAt")
        VALUES ('i1', 'u1', 'Northwind', 'Engineer', '2027-03-10T10:00:00Z', 'Europe/London', 'VIDEO', now())\`);
      await old.close();

      const database = await startEmbeddedDatabase({ dataDir, log: () => {} });
      const first = await importPgliteDataDir({ dataDir, url: database.url });
      await migrateDatabase(database.url);
      const second = await importPgliteDataDir({ dataDir, url: database.url });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const users = (await client.query('SELECT id, email, name, "timeZone" FROM "User"')).rows;
      const interviews = (await client.query('SELECT i.id, i."userId", i.company, i."scheduledStart", a.company AS "applicationCompany" FROM "Interview" i JOIN "Application" a ON a.id = i."applicationId"')).rows;
      await client.end();
      await database.stop();
      const leftovers = readdirSync(dataDir).filter((entry) => entry.startsWith('pglite'));
      console.log(JSON.stringify({ first, second, users, interviews, leftovers, oldDirGone: !existsSync(path.join(dataDir, 'pglite')) }));
    `;
    const result = runNode(['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report.first).toMatch(
      /^Carried over 2 rows in \d+ tables from the earlier embedded database; its files are kept in .+pglite\.imported-\d{4}-\d{2}-\d{2} \(safe to delete\)\.$/,
    );
    expect(report.second).toBeNull();
    expect(report.users).toEqual([{ id: 'u1', email: 'ada@example.test', name: 'Ada ✓', timeZone: 'Europe/London' }]);
    expect(report.interviews).toEqual([
      {
        id: 'i1',
        userId: 'u1',
        company: 'Northwind',
        scheduledStart: '2027-03-10T10:00:00.000Z',
        applicationCompany: 'Northwind',
      },
    ]);
    expect(report.oldDirGone).toBe(true);
    expect(report.leftovers).toHaveLength(1);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDb } from '@/lib/db';

const root = path.resolve(__dirname, '..', '..');

function runMigrationCheck(env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/db-migration.mjs', '--check'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

afterAll(() => getDb().$disconnect());

describe('migrations', () => {
  it('replaying every migration on an empty database gives exactly schema.prisma (no drift)', () => {
    const result = runMigrationCheck();
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('No drift');
    expect(result.status).toBe(0);
  });

  it('detects a schema change that no migration covers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rebound-drift-'));
    try {
      const schema = readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
      const changed = schema.replace('model AuthThrottle {', 'model AuthThrottle {\n  driftProbe String?');
      expect(changed).not.toBe(schema);
      const schemaPath = path.join(dir, 'schema.prisma');
      writeFileSync(schemaPath, changed);
      const result = runMigrationCheck({ PRISMA_SCHEMA_PATH: schemaPath });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/ALTER TABLE "AuthThrottle" ADD COLUMN\s+"driftProbe" TEXT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the test database has every migration folder recorded in the _prisma_migrations ledger', async () => {
    const folders = readdirSync(path.join(root, 'prisma', 'migrations'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const rows = await getDb().$queryRaw<{ migration_name: string; applied_steps_count: number }[]>`
      SELECT migration_name, applied_steps_count FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    expect(rows.every((row) => row.applied_steps_count === 1)).toBe(true);
  });

  it('several instances starting at once on a new database apply each migration once, and all start', () => {
    // Three app processes booting together behind a load balancer, each running migrateDatabase
    // (in processes of their own, as instances are: the schema engine is one WebAssembly module per process).
    const probe = `
      import { spawn } from 'node:child_process';
      import { createScratchDatabase } from './scripts/lib/scratch-database.mjs';
      import pg from 'pg';
      const boot = "import { migrateDatabase } from './scripts/lib/migrate.mjs'; console.log((await migrateDatabase(process.env.BOOT_URL)).length); process.exit(0);";
      const db = await createScratchDatabase(process.env.DATABASE_URL, 'rebound_boot_race');
      try {
        const instances = [1, 2, 3].map(() => new Promise((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', boot], { env: { ...process.env, BOOT_URL: db.url } });
          let out = '';
          let err = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          child.stderr.on('data', (chunk) => (err += chunk));
          child.on('exit', (code) => resolve(code === 0 ? Number(out.trim()) : 'exit ' + code + ': ' + err.slice(0, 500)));
        }));
        const results = await Promise.all(instances);
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        const ledger = (await client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')).rows;
        await client.end();
        console.log(JSON.stringify({ results, ledger: ledger.length }));
      } finally {
        await db.drop();
      }
      process.exit(0);
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: root,
      env: process.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
    const folders = readdirSync(path.join(root, 'prisma', 'migrations'), { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    ).length;
    expect(report.ledger).toBe(folders);
    expect([...report.results].sort((a, b) => a - b)).toEqual([0, 0, folders]);
  });
});

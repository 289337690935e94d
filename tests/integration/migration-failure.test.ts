import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

// Runs in a child process of its own: a fresh throwaway embedded cluster, the project's
// migrations plus one that fails halfway, then what is left in the database.
const probe = `
import { startEphemeralCluster } from './scripts/lib/postgres-cluster.mjs';
import { migrateDatabase } from './scripts/lib/migrate.mjs';
import pg from 'pg';
const db = await startEphemeralCluster();
const attempts = [];
for (let i = 0; i < 2; i += 1) {
  try { attempts.push({ ok: true, applied: await migrateDatabase(db.url) }); }
  catch (error) { attempts.push({ ok: false, message: error.message }); }
}
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const probeTable = (await client.query("SELECT to_regclass('\\"Probe\\"') IS NOT NULL AS present")).rows[0].present;
const ledger = (await client.query('SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name')).rows;
await client.end();
await db.stop();
console.log(JSON.stringify({ attempts, probeTable, ledger }));
process.exit(0);
`;

describe('a migration that fails halfway', () => {
  it('rolls back entirely, says why, and refuses to start until it is resolved', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rebound-migrations-'));
    try {
      cpSync(path.join(root, 'prisma', 'migrations'), dir, { recursive: true });
      mkdirSync(path.join(dir, '29990101000000_fails_halfway'));
      // The first statement succeeds, the second fails: nothing of either may remain.
      writeFileSync(
        path.join(dir, '29990101000000_fails_halfway', 'migration.sql'),
        'CREATE TABLE "Probe" (id integer);\nCREATE TABLE "Probe" (id integer);\n',
      );
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
        cwd: root,
        env: { ...process.env, PRISMA_MIGRATIONS_DIR: dir },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
      expect(report.attempts[0]).toEqual({
        ok: false,
        message:
          'A migration failed and was rolled back, so the database is as it was before it: ERROR: relation "Probe" already exists',
      });
      expect(report.attempts[1].ok).toBe(false);
      expect(report.attempts[1].message).toMatch(
        /^Migration 29990101000000_fails_halfway failed earlier and was rolled back/,
      );
      expect(report.probeTable).toBe(false);
      expect(report.ledger).toContainEqual({ migration_name: '29990101000000_fails_halfway', finished: false });
      expect(report.ledger.filter((row: { finished: boolean }) => row.finished).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

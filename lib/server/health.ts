import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '@/lib/db';
import { getDatabaseMode, type DatabaseMode } from '@/lib/env';

export type HealthReport = {
  status: 'ok' | 'unavailable';
  database: {
    mode: DatabaseMode;
    reachable: boolean;
    migrations: { applied: number; expected: number; pending: string[]; upToDate: boolean };
  };
  reason?: string;
};

async function listMigrationFolders(): Promise<string[]> {
  const dir = path.join(process.cwd(), 'prisma', 'migrations');
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

export async function checkHealth(): Promise<HealthReport> {
  const mode = getDatabaseMode();
  const expected = await listMigrationFolders();
  const unknownMigrations = { applied: 0, expected: expected.length, pending: expected, upToDate: false };
  let applied: string[];
  try {
    const db = getDb();
    await db.$queryRaw`SELECT 1`;
    try {
      const rows = await db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      applied = rows.map((row) => row.migration_name);
    } catch {
      applied = [];
    }
  } catch (error) {
    return {
      status: 'unavailable',
      database: { mode, reachable: false, migrations: unknownMigrations },
      reason: `Database unreachable: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`,
    };
  }
  const appliedSet = new Set(applied);
  const pending = expected.filter((name) => !appliedSet.has(name));
  const migrations = { applied: applied.length, expected: expected.length, pending, upToDate: pending.length === 0 };
  if (pending.length > 0) {
    return {
      status: 'unavailable',
      database: { mode, reachable: true, migrations },
      reason: `${pending.length} migration(s) not applied: ${pending.join(', ')}. Run npm run db:migrate.`,
    };
  }
  return { status: 'ok', database: { mode, reachable: true, migrations } };
}

import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '@/lib/db';
import { getDatabaseMode, type DatabaseMode } from '@/lib/env';
import { readQueueDepth } from '@/lib/server/jobs/queue-depth';
import { getWorkerState } from '@/lib/server/jobs/worker-state';

export type HealthReport = {
  status: 'ok' | 'unavailable';
  database: {
    mode: DatabaseMode;
    reachable: boolean;
    migrations: { applied: number; expected: number; pending: string[]; upToDate: boolean };
  };
  worker: WorkerReport;
  reason?: string;
};

/**
 * The reminder worker: `running` is this process's (off when REBOUND_WORKER=off leaves the
 * work to `npm run worker`); the depth and the oldest due item count across every instance,
 * so an oldest due time minutes in the past means no worker anywhere is keeping up.
 */
export type WorkerReport = {
  running: boolean;
  status: 'running' | 'starting' | 'retrying' | 'stopped' | 'off';
  lastError: string | null;
  queueDepth: number | null;
  oldestDueAt: string | null;
  failedLastDay: number | null;
};

function describeWorker(): Pick<WorkerReport, 'running' | 'status' | 'lastError'> {
  const state = getWorkerState();
  if (!state) return { running: false, status: 'off', lastError: null };
  return { running: state.status === 'running', status: state.status, lastError: state.lastError };
}

async function reportWorker(reachable: boolean): Promise<WorkerReport> {
  const base = describeWorker();
  if (!reachable) return { ...base, queueDepth: null, oldestDueAt: null, failedLastDay: null };
  try {
    const depth = await readQueueDepth(getDb());
    return {
      ...base,
      queueDepth: depth.depth,
      oldestDueAt: depth.oldestDueAt?.toISOString() ?? null,
      failedLastDay: depth.failedLastDay,
    };
  } catch {
    // Before the reminders migration, say nothing rather than fail the report.
    return { ...base, queueDepth: null, oldestDueAt: null, failedLastDay: null };
  }
}

async function listMigrationFolders(): Promise<string[]> {
  const dir = path.join(process.cwd(), 'prisma', 'migrations');
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
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
      worker: await reportWorker(false),
      reason: `Database unreachable: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`,
    };
  }
  const appliedSet = new Set(applied);
  const pending = expected.filter((name) => !appliedSet.has(name));
  const migrations = { applied: applied.length, expected: expected.length, pending, upToDate: pending.length === 0 };
  const worker = await reportWorker(pending.length === 0);
  if (pending.length > 0) {
    return {
      status: 'unavailable',
      database: { mode, reachable: true, migrations },
      worker,
      reason: `${pending.length} migration(s) not applied: ${pending.join(', ')}. Run npm run db:migrate.`,
    };
  }
  return { status: 'ok', database: { mode, reachable: true, migrations }, worker };
}

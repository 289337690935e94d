import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import PgBoss from 'pg-boss';

// lib/server/jobs/queues.ts's names; that module is server-only, so they are repeated here.
const JOB_SCHEMA = 'pgboss';
const DISPATCH_QUEUE = 'reminder-dispatch';
const DELIVERY_QUEUE = 'notification-delivery';

/** Runs `work` with a client on the app's embedded database (the launcher's data dir is the run's folder). */
async function withAppDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const dataDir = process.env.E2E_RUN_DIR ?? '';
  const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  // postmaster.pid: pid, data dir, start time, port, ...
  const port = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'rebound' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One statement on the app's database, answering its rows. */
export function queryAppDatabase<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return withAppDatabase(async (client) => (await client.query(sql, params)).rows as T[]);
}

/**
 * Asks the app's worker for a dispatch run now, as its once-a-minute schedule does, and waits
 * until that run has finished and every delivery it queued has been tried. The job goes through
 * pg-boss's own insert, so the worker's queue options apply; a test then sees what the next
 * scheduled minute would have done without waiting for it.
 */
export async function runDispatchNow(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
  await withAppDatabase(async (client) => {
    const boss = new PgBoss({
      schema: JOB_SCHEMA,
      db: { executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows }) },
    });
    boss.on('error', () => undefined);
    let jobId: string | null = null;
    // A queue that already holds a waiting dispatch may refuse a second one until that one starts.
    while (!(jobId = await boss.send(DISPATCH_QUEUE, {}))) {
      if (Date.now() > deadline) throw new Error('the dispatch queue never took a new job');
      await pause();
    }
    for (;;) {
      const { rows } = await client.query<{ state: string }>(
        `SELECT state FROM ${JOB_SCHEMA}.job WHERE name = $1 AND id = $2
         UNION ALL SELECT state FROM ${JOB_SCHEMA}.archive WHERE name = $1 AND id = $2`,
        [DISPATCH_QUEUE, jobId],
      );
      const state = rows[0]?.state;
      if (state === 'completed') break;
      if (state === 'failed' || state === 'cancelled') throw new Error(`the dispatch run ended ${state}`);
      if (Date.now() > deadline) throw new Error(`the dispatch run is still ${state ?? 'missing'}`);
      await pause();
    }
    // Deliveries retried later stay in 'retry'; the ones just queued are done once none is new or running.
    for (;;) {
      const { rows } = await client.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'active')
           AND start_after <= now()`,
        [DELIVERY_QUEUE],
      );
      if (rows[0]?.waiting === 0) break;
      if (Date.now() > deadline) throw new Error('deliveries are still waiting');
      await pause();
    }
  });
}

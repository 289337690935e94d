// Where a bench runs: a fresh database of its own, and the machine it ran on.
import os from 'node:os';
import { startEphemeralCluster } from '../../scripts/lib/postgres-cluster.mjs';
import { createScratchDatabase } from '../../scripts/lib/scratch-database.mjs';

/**
 * A new database (prefix_<time>_<random>) on BENCH_DATABASE_URL's server, or a throwaway embedded
 * PostgreSQL cluster; `stop()` drops or stops it.
 */
export async function openBenchDatabase(prefix) {
  if (process.env.BENCH_DATABASE_URL) {
    const database = await createScratchDatabase(process.env.BENCH_DATABASE_URL, prefix);
    return { url: database.url, where: 'PostgreSQL server (BENCH_DATABASE_URL)', stop: () => database.drop() };
  }
  const cluster = await startEphemeralCluster({ database: 'rebound_bench' });
  return { url: cluster.url, where: 'embedded PostgreSQL (throwaway cluster)', stop: () => cluster.stop() };
}

/** The machine a figure was measured on, as the results record it. */
export function describeMachine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

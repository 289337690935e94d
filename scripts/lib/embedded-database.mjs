// The embedded database of `npm start`: a PostgreSQL cluster in REBOUND_DATA_DIR/postgres with a
// generated password kept beside it (0600), guarded by a lock file so that a second app on the
// same data dir stops with a clear message instead of sharing it.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedDatabaseError, PostgresCluster, ensureDatabase } from './postgres-cluster.mjs';

export { EmbeddedDatabaseError };

export const DATABASE_NAME = 'rebound';

/** The kernel's start time of a process (Linux), so a recycled pid is not mistaken for the owner. */
function readStartTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(owner) {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  return owner.startTime === null || readStartTime(owner.pid) === null || readStartTime(owner.pid) === owner.startTime;
}

function acquireLock(lockPath) {
  const me = { pid: process.pid, startTime: readStartTime(process.pid) };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = null;
      try {
        owner = JSON.parse(readFileSync(lockPath, 'utf8'));
      } catch {
        // unreadable or half-written: treated as stale below
      }
      if (owner && Number.isInteger(owner.pid) && owner.pid !== process.pid && isRunning(owner)) {
        throw new EmbeddedDatabaseError(
          `Another Rebound process (pid ${owner.pid}) is using the embedded database in ${path.dirname(lockPath)}. ` +
            'Stop it first, or set REBOUND_DATA_DIR to a different folder.',
        );
      }
      // The process that wrote the lock is gone: the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new EmbeddedDatabaseError(`Could not lock ${lockPath}; another process keeps taking it.`);
}

function readOrCreatePassword(file) {
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** Creates the data folder and proves it writable, or says what to do. */
export function prepareDataDir(dataDir) {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The data folder ${dataDir} is not writable (${error.code ?? error.message}). Fix its permissions, or set REBOUND_DATA_DIR to a folder you can write.`,
    );
  }
}

/**
 * Starts the cluster in dataDir (creating it on first use) and the app's database in it.
 * Returns its URL, whether it was created just now, and stop(), which shuts the server down
 * with a fast shutdown and releases the lock.
 */
export async function startEmbeddedDatabase({ dataDir, port = 0, log = console.log }) {
  prepareDataDir(dataDir);
  const releaseLock = acquireLock(path.join(dataDir, 'rebound.lock'));
  const cluster = new PostgresCluster({
    pgdata: path.join(dataDir, 'postgres'),
    password: readOrCreatePassword(path.join(dataDir, 'postgres-password')),
    port,
    log,
  });
  try {
    const created = !cluster.isInitialised();
    if (created) await cluster.initialise();
    await cluster.start();
    await ensureDatabase(cluster, DATABASE_NAME);
    return {
      url: cluster.url(DATABASE_NAME),
      port: cluster.port,
      created,
      cluster,
      async stop() {
        try {
          await cluster.stop();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    releaseLock();
    throw error instanceof EmbeddedDatabaseError
      ? error
      : new EmbeddedDatabaseError(`The embedded database could not start: ${error?.message ?? error}`);
  }
}

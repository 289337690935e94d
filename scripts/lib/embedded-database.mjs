// The embedded database: PGlite with its files in a data dir, served on 127.0.0.1, guarded
// by a lock file so a second app on the same dir stops with a clear message instead of
// opening the same files twice.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { startPgliteServer } from './pglite-server.mjs';

export class EmbeddedDatabaseError extends Error {}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function acquireLock(lockPath) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new EmbeddedDatabaseError(
          `Another Rebound process (pid ${owner}) is using the embedded database in ${path.dirname(lockPath)}. ` +
            'Stop it first, or set REBOUND_DATA_DIR to a different folder.',
        );
      }
      // The process that wrote the lock is gone: the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new EmbeddedDatabaseError(`Could not lock ${lockPath}; another process keeps taking it.`);
}

/** Starts PGlite on dataDir/pglite; returns its URL and a stop() that releases the lock. */
export async function startEmbeddedDatabase({ dataDir, port = 0 }) {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(path.join(dataDir, 'embedded-db.lock'));
  let server;
  try {
    server = await startPgliteServer({ dataDir: path.join(dataDir, 'pglite'), port });
  } catch (error) {
    releaseLock();
    throw new EmbeddedDatabaseError(
      `Could not open the embedded database in ${dataDir}: ${error?.message ?? error}. ` +
        'If it was created by a newer version of Rebound, update this checkout; to start afresh, move that folder away.',
    );
  }
  return {
    url: server.url,
    async stop() {
      try {
        await server.stop();
      } finally {
        releaseLock();
      }
    },
  };
}

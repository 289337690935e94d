import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A database of its own on the server that `url` points at (prefix_<time>_<random>), for a
 * test run or the schema engine's shadow database; drop() removes it, connections and all.
 * Throws when the server refuses CREATE DATABASE.
 */
export async function createScratchDatabase(url, prefix) {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

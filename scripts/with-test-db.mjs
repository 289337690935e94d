#!/usr/bin/env node
// Runs a command against a freshly migrated test database, then removes it.
//   TEST_DATABASE_URL set → a new database created on that server for this run
//                           (falls back to that database itself if CREATE DATABASE is refused).
//   unset                 → a throwaway embedded PostgreSQL cluster in a temp dir, removed afterwards.
// The command gets DATABASE_URL; tests isolate themselves by creating their own users.
import { startEphemeralCluster } from './lib/postgres-cluster.mjs';
import { createScratchDatabase } from './lib/scratch-database.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { describeDatabaseUrl } from './lib/database-url.mjs';
import { run } from './lib/run.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node scripts/with-test-db.mjs <command> [args…]');
  process.exit(2);
}

async function createServerDatabase(baseUrl) {
  describeDatabaseUrl(baseUrl, 'TEST_DATABASE_URL');
  try {
    const database = await createScratchDatabase(baseUrl, 'rebound_test');
    return { url: database.url, stop: () => database.drop() };
  } catch (error) {
    console.warn(`Could not create a database for this run (${error.message}); using TEST_DATABASE_URL as it is.`);
    return { url: baseUrl, stop: async () => {} };
  }
}

// Ctrl-C reaches the command and this process alike; exiting through process.exit runs the
// embedded cluster's exit handler, so an interrupted run leaves no server behind.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

async function main() {
  const baseUrl = process.env.TEST_DATABASE_URL;
  const database = baseUrl ? await createServerDatabase(baseUrl) : await startEphemeralCluster();
  let code = 1;
  try {
    await migrateDatabase(database.url);
    console.log(`Test database: ${baseUrl ? 'PostgreSQL server' : 'embedded PostgreSQL'}, migrated.`);
    code = await run(command === 'jest' ? 'node_modules/.bin/jest' : command, args, {
      env: { ...process.env, DATABASE_URL: database.url, REBOUND_DATABASE_MODE: baseUrl ? 'server' : 'embedded' },
    });
  } finally {
    await database.stop();
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error?.message ?? error);
  process.exit(1);
});

// Applies pending migrations, refusing a database that already has migrations this
// checkout does not know (it was migrated by a newer version of the app).
import pg from 'pg';
import { openSchemaEngine, applyMigrations, readMigrationsList } from './schema-engine.mjs';
import { describeDatabaseUrl } from './database-url.mjs';

export class MigrationError extends Error {}

async function readLedger(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const { host, port, database } = describeDatabaseUrl(url);
    throw new MigrationError(
      `Cannot reach PostgreSQL at ${host}:${port} (database "${database}"): ${error.message}. ` +
        'Check that the server is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.',
    );
  }
  try {
    const { rows: exists } = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!exists[0].present) return [];
    const { rows } = await client.query(
      'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at',
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** The state of a database against the migration folders on disk. */
export async function inspectMigrations(url) {
  const ledger = await readLedger(url);
  const { migrationDirectories } = await readMigrationsList();
  const known = new Set(migrationDirectories.map((dir) => dir.path));
  const applied = new Set(
    ledger.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => row.migration_name),
  );
  return {
    unknown: [...applied].filter((name) => !known.has(name)),
    failed: ledger.filter((row) => !row.finished_at && !row.rolled_back_at).map((row) => row.migration_name),
    pending: [...known].filter((name) => !applied.has(name)),
  };
}

// Held for the whole of migrateDatabase: instances that boot together take turns, so none reads
// the ledger while another is half-way through a migration (a row started and not yet finished
// looks exactly like one that failed). The schema engine's own lock covers only the applying.
const MIGRATE_LOCK_KEY = 7_262_031_540;

/** Applies pending migrations (with `only`, just those among the given names); returns what it applied. */
export async function migrateDatabase(url, options = {}) {
  describeDatabaseUrl(url);
  const lock = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await lock.connect();
  } catch {
    // readLedger reports an unreachable server in its own words.
    return migrateUnlocked(url, options);
  }
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
    return await migrateUnlocked(url, options);
  } finally {
    await lock.end();
  }
}

async function migrateUnlocked(url, { only } = {}) {
  const state = await inspectMigrations(url);
  if (state.unknown.length > 0) {
    throw new MigrationError(
      `The database has migrations this version of Rebound does not know (${state.unknown.join(', ')}): ` +
        'it was used by a newer version. Update this checkout (git pull) before starting it again.',
    );
  }
  if (state.failed.length > 0) {
    throw new MigrationError(
      `Migration ${state.failed[0]} failed earlier and was rolled back. Fix its cause, then record that ` +
        `(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${state.failed[0]}', ` +
        'which is what `prisma migrate resolve --rolled-back` does) and start again.',
    );
  }
  const pending = only ? state.pending.filter((name) => only.includes(name)) : state.pending;
  if (pending.length === 0) return [];
  const { engine, close } = await openSchemaEngine({ url });
  try {
    return await applyMigrations(engine, { only });
  } catch (error) {
    const text = String(error?.message ?? error);
    // The engine's first line is generic ("external connector error"); the database's own
    // ERROR line says what went wrong.
    const reason = text.match(/ERROR: [^\n]*/)?.[0] ?? text.split('\n')[0];
    throw new MigrationError(
      `A migration failed and was rolled back, so the database is as it was before it: ${reason}`,
    );
  } finally {
    await close();
  }
}

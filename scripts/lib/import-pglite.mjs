// Carries a data dir of Rebound's earlier embedded database (PGlite, in REBOUND_DATA_DIR/pglite)
// over into the PostgreSQL server that replaced it, once, on the first start that finds it.
// @electric-sql/pglite stays a dependency for this alone: it is the only reader of those files.
//
// The new database is first migrated to exactly the migrations the old one had, so every table
// has the same columns on both sides; each table then travels as JSON in one transaction (with
// foreign-key triggers off, so the order of tables does not matter), the row counts are checked,
// and only then is the old folder renamed. The remaining migrations run afterwards as usual.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedDatabaseError } from './postgres-cluster.mjs';
import { migrateDatabase } from './migrate.mjs';
import { readMigrationsList } from './schema-engine.mjs';

export const PGLITE_DIR = 'pglite';

async function countUsers(client) {
  const { rows } = await client.query(`SELECT to_regclass('"User"') IS NOT NULL AS present`);
  if (!rows[0].present) return 0;
  return Number((await client.query('SELECT count(*)::int AS n FROM "User"')).rows[0].n);
}

async function readAppliedMigrations(old) {
  const { rows: ledger } = await old.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  if (!ledger[0].present) return [];
  const { rows } = await old.query(
    'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
  );
  return rows.map((row) => row.migration_name);
}

async function copyTables(old, client) {
  const { rows: tables } = await old.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename",
  );
  let copied = 0;
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    for (const { tablename } of tables) {
      const table = client.escapeIdentifier(tablename);
      const { rows } = await old.query(
        `SELECT coalesce(json_agg(t), '[]'::json)::text AS rows, count(*)::int AS n FROM ${table} t`,
      );
      const { rowCount } = await client.query(
        `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
        [rows[0].rows],
      );
      if (rowCount !== rows[0].n) throw new Error(`${tablename}: ${rows[0].n} rows read, ${rowCount} written`);
      copied += rowCount;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return { tables: tables.length, rows: copied };
}

/**
 * Imports dataDir/pglite into the database at url when there is one to import. Returns a
 * sentence for the log, or null when there was nothing to do.
 */
export async function importPgliteDataDir({ dataDir, url }) {
  const source = path.join(dataDir, PGLITE_DIR);
  if (!existsSync(path.join(source, 'PG_VERSION'))) return null;

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let old;
  try {
    if ((await countUsers(client)) > 0) {
      throw new EmbeddedDatabaseError(
        `${source} holds data from Rebound's earlier embedded database, but the current one already has accounts, ` +
          'so it was not imported over them. If it was imported before, move that folder away; to import it instead, ' +
          `move ${path.join(dataDir, 'postgres')} and ${path.join(dataDir, 'postgres-password')} away and start again.`,
      );
    }
    const { PGlite } = await import('@electric-sql/pglite');
    old = await PGlite.create(source);
    const applied = await readAppliedMigrations(old);
    const known = new Set((await readMigrationsList()).migrationDirectories.map((dir) => dir.path));
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new EmbeddedDatabaseError(
        `${source} was migrated by a newer version of Rebound (${unknown.join(', ')}). Update this checkout before starting it.`,
      );
    }
    await migrateDatabase(url, { only: applied });
    const { tables, rows } = await copyTables(old, client);
    await old.close();
    old = undefined;
    const kept = `${source}.imported-${new Date().toISOString().slice(0, 10)}`;
    renameSync(source, kept);
    rmSync(path.join(dataDir, 'embedded-db.lock'), { force: true });
    return `Carried over ${rows} rows in ${tables} tables from the earlier embedded database; its files are kept in ${kept} (safe to delete).`;
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(
      `Could not carry over the earlier embedded database in ${source}: ${error?.message ?? error}. Nothing was changed in it; ` +
        'start again to retry, or move that folder away to start without its data.',
    );
  } finally {
    await old?.close().catch(() => undefined);
    await client.end();
  }
}

// Prisma's schema engine, compiled to WebAssembly, driven through a driver adapter.
// Prisma's CLI would download a native engine these machines cannot reach; the WASM build
// is the same engine, so migration folders and the _prisma_migrations ledger it writes are
// exactly what `prisma migrate dev|deploy` would write.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import { startEphemeralCluster } from './postgres-cluster.mjs';
import { createScratchDatabase } from './scratch-database.mjs';

const require = createRequire(import.meta.url);

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
// PRISMA_SCHEMA_PATH lets the drift test point the engine at a modified copy.
export const schemaPath = process.env.PRISMA_SCHEMA_PATH
  ? path.resolve(process.env.PRISMA_SCHEMA_PATH)
  : path.join(projectRoot, 'prisma', 'schema.prisma');
// PRISMA_MIGRATIONS_DIR lets tests apply a folder of their own.
export const migrationsDir = process.env.PRISMA_MIGRATIONS_DIR
  ? path.resolve(process.env.PRISMA_MIGRATIONS_DIR)
  : path.join(projectRoot, 'prisma', 'migrations');
const lockfileName = 'migration_lock.toml';

const noFilters = { externalTables: [], externalEnums: [] };

let wasmModule;

// The WASM build reports a Rust panic's message here before it throws.
const panicRegistry = {
  message: '',
  set_message(message) {
    this.message = message;
  },
};

async function loadWasm() {
  if (wasmModule) return wasmModule;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmModule = glue;
  return glue;
}

// The engine reads the catalog, whose "char" (OID 18) and name (OID 19) columns adapter-pg
// refuses to map. Both arrive as plain text on the wire. The pool reports them as text so
// the adapter accepts the row, and remembers which columns were "char" so the adapter's
// answer can say Character, which is what the engine expects for them (pg_constraint.contype…).
const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;

function catalogFriendlyAdapter(url, clients) {
  let charColumns = [];
  const reportCatalogColumnsAsText = (query) =>
    async function (...args) {
      const result = await query.apply(this, args);
      charColumns = [];
      (result?.fields ?? []).forEach((field, index) => {
        if (field.dataTypeID === CHAR_OID) charColumns.push(index);
        if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
      });
      return result;
    };
  const markCharColumns = (queryable) => {
    const queryRaw = queryable.queryRaw.bind(queryable);
    queryable.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
      return result;
    };
    return queryable;
  };

  // Not allowExitOnIdle: between two of the engine's queries the idle pool may be all that keeps
  // Node running (the database is another process), and an unref'd pool lets it exit mid-diff.
  // close() ends the clients when the work is done.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('connect', (client) => {
    clients.push(client);
    client.query = reportCatalogColumnsAsText(client.query);
  });
  pool.query = reportCatalogColumnsAsText(pool.query);
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = markCharColumns(await factory.connect());
      // adapter-pg runs a script statement by statement (split on every ";"), so a migration
      // failing halfway would stay half-applied. Sent whole, as one simple query, Postgres runs
      // it as one implicit transaction: a failing statement rolls the whole migration back.
      adapter.executeScript = async (script) => {
        try {
          await pool.query(script);
        } catch (error) {
          adapter.onError(error);
        }
      };
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (...args) => markCharColumns(await startTransaction(...args));
      return adapter;
    },
  };
}

/**
 * A migration-aware adapter factory over a Postgres URL. The shadow database, where the engine
 * replays migrations to diff them, is a temporary database on the same server.
 */
function adapterFactoryFor(url, clients) {
  const main = catalogFriendlyAdapter(url, clients);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const shadow = await createScratchDatabase(url, 'prisma_shadow');
      const adapter = await catalogFriendlyAdapter(shadow.url, clients).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.drop();
      };
      return adapter;
    },
  };
}

/**
 * Opens the engine. Without a url it works on a throwaway embedded cluster: diffs between
 * schema files and migration folders never touch a real database.
 */
export async function openSchemaEngine({ url } = {}) {
  const { SchemaEngine } = await loadWasm();
  let scratch;
  if (!url) {
    scratch = await startEphemeralCluster({ database: 'postgres' });
    url = scratch.url;
  }
  const schema = await readSchemaFiles();
  const logs = [];
  // The engine never disposes its connections; closing them lets the process exit.
  const clients = [];
  const engine = await SchemaEngine.new(
    { datamodels: schema.map((file) => [file.path, file.content]) },
    (line) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(adapterFactoryFor(url, clients)),
  ).catch(async (error) => {
    await scratch?.stop();
    throw error;
  });
  return {
    engine,
    logs,
    async close() {
      engine.free();
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      if (scratch) await scratch.stop();
    },
  };
}

export async function readSchemaFiles() {
  return [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
}

/** The migration folders on disk, in the shape the engine expects. */
export async function readMigrationsList() {
  let entries = [];
  try {
    entries = await readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    directories.map(async (name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      let content;
      try {
        content = { tag: 'ok', value: await readFile(file, 'utf8') };
      } catch (error) {
        content = { tag: 'error', value: String(error.message) };
      }
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  let lockContent = null;
  try {
    lockContent = await readFile(path.join(migrationsDir, lockfileName), 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** SQL that takes a database from the migrations on disk to schema.prisma ('' when none). */
export async function diffMigrationsToSchema(engine) {
  const migrationsList = await readMigrationsList();
  const from =
    migrationsList.migrationDirectories.length === 0 ? { tag: 'empty' } : { tag: 'migrations', ...migrationsList };
  const result = await engine.diff({
    from,
    to: { tag: 'schemaDatamodel', files: await readSchemaFiles() },
    script: true,
    exitCode: true,
    filters: noFilters,
  });
  return result.exitCode === 2 ? (result.stdout ?? '') : '';
}

/**
 * Applies every pending migration folder (or, with `only`, the pending ones among those names);
 * returns the names it applied.
 */
export async function applyMigrations(engine, { only } = {}) {
  const migrationsList = await readMigrationsList();
  if (only)
    migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((dir) => only.includes(dir.path));
  const output = await engine.applyMigrations({ migrationsList, filters: noFilters });
  return output.appliedMigrationNames;
}

export { lockfileName };

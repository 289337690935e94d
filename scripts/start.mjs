#!/usr/bin/env node
// npm start: builds when the sources changed, prepares the database, serves the app.
//   DATABASE_URL unset → the embedded PostgreSQL server in REBOUND_DATA_DIR (default .data/).
//   DATABASE_URL set   → that PostgreSQL server.
// Either way pending migrations are applied first; any problem stops start-up with one
// clear message. `--dev` serves Next.js in development mode instead of a production build.
//
// SIGINT/SIGTERM: the HTTP server stops accepting at once, requests in flight finish (at most
// 10 s), then Next.js and the embedded database stop. A second signal skips the wait.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { projectRoot } from './lib/schema-engine.mjs';
import { describeDatabaseUrl } from './lib/database-url.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { prepareDataDir, startEmbeddedDatabase } from './lib/embedded-database.mjs';
import { importPgliteDataDir } from './lib/import-pglite.mjs';
import { isBuildCurrent, recordBuild } from './lib/build-fingerprint.mjs';
import { serveApp } from './lib/app-server.mjs';
import { run, nextBin } from './lib/run.mjs';
import { startWorkerProcess } from './lib/worker-process.mjs';

const dev = process.argv.includes('--dev');

// After each full collection V8 lets the heap grow to a multiple of what survived it: up to 4×
// on a machine with 16 GB or more, so a server whose live data is about 100 MB sat at 400 MB
// and reached 900 MB under load, nearly all of it garbage not yet collected. 1.5× keeps it near
// what it holds. Read at every collection, so it takes effect when set here; an operator's own
// heap flags (NODE_OPTIONS or node's arguments) win.
const HEAP_GROWING_PERCENT = 50;
const heapFlagGiven = /--(heap-growing-percent|max-old-space-size|max-heap-size)\b/.test(
  `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`,
);
if (!heapFlagGiven) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

const dataDir = path.resolve(projectRoot, process.env.REBOUND_DATA_DIR ?? '.data');
const startedAt = Date.now();

let database;

async function fail(message) {
  console.error(`\nRebound could not start: ${message}\n`);
  await database?.stop().catch(() => undefined);
  process.exit(1);
}

/** NEXTAUTH_SECRET from the environment, else one generated once and kept in the data dir. */
function resolveAuthSecret(embedded) {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!embedded && !dev) {
    throw new Error(
      'NEXTAUTH_SECRET is required with DATABASE_URL in production. Generate one with `openssl rand -base64 32`.',
    );
  }
  prepareDataDir(dataDir);
  const file = path.join(dataDir, 'nextauth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The app's configuration, checked the way the app reads it (lib/env.ts, loaded through tsx
 * as the worker is): a bad value stops start-up here, naming the variable, before a database
 * or a build is started for nothing. In a child process of its own, because tsx leaves an
 * esbuild service running beside whatever loaded it, and the launcher's process group must be
 * gone the moment it exits.
 */
function checkConfiguration() {
  const check = `
    import { tsImport } from 'tsx/esm/api';
    const { parseEnv } = await tsImport('./lib/env.ts', import.meta.url);
    try {
      parseEnv(process.env);
    } catch (error) {
      if (error?.name !== 'ConfigError') throw error;
      process.stderr.write(error.message);
      process.exit(2);
    }`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', check], {
    cwd: projectRoot,
    env: process.env,
    encoding: 'utf8',
  });
  if (result.status === 2) throw new Error(result.stderr.trim());
  if (result.status !== 0)
    throw new Error(`the configuration could not be checked: ${result.stderr.trim() || result.error?.message}`);
}

async function ensureBuild(env) {
  if (dev || isBuildCurrent(projectRoot)) return;
  console.log('Building the app (only when the sources changed)…');
  const generated = await run(process.execPath, ['scripts/prisma.mjs', 'generate'], { cwd: projectRoot, env });
  if (generated !== 0) throw new Error('`prisma generate` failed (see above).');
  const built = await run(process.execPath, [nextBin, 'build'], { cwd: projectRoot, env });
  if (built !== 0) throw new Error('the production build failed (see above).');
  recordBuild(projectRoot);
}

async function prepareDatabase(env) {
  if (env.DATABASE_URL) {
    describeDatabaseUrl(env.DATABASE_URL);
    env.REBOUND_DATABASE_MODE = 'server';
  } else {
    database = await startEmbeddedDatabase({ dataDir, port: Number(process.env.REBOUND_EMBEDDED_DB_PORT ?? 0) });
    env.DATABASE_URL = database.url;
    env.REBOUND_DATABASE_MODE = 'embedded';
    const relative = path.relative(projectRoot, dataDir);
    const where = relative.startsWith('..') ? dataDir : relative || '.';
    console.log(
      `Embedded PostgreSQL: ${where}/postgres, on 127.0.0.1:${database.port} (password in ${where}/postgres-password)`,
    );
    const imported = await importPgliteDataDir({ dataDir, url: database.url });
    if (imported) console.log(imported);
  }
  const applied = await migrateDatabase(env.DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
}

async function main() {
  checkConfiguration();
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  env.NEXTAUTH_SECRET = resolveAuthSecret(!process.env.DATABASE_URL);
  env.PORT = process.env.PORT ?? '3000';
  env.NEXTAUTH_URL = process.env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  // Without SMTP, mail is written here as .eml files instead of being sent.
  env.MAIL_OUTBOX_DIR = process.env.MAIL_OUTBOX_DIR ?? path.join(dataDir, 'outbox');
  // The app keeps files of its own there (the VAPID key pair of web push).
  env.REBOUND_DATA_DIR = dataDir;
  env.NODE_ENV = dev ? 'development' : 'production';

  // The database first: a problem with it is reported before a build that can take a minute.
  await prepareDatabase(env);
  await ensureBuild(env);

  // Next.js runs in this process and reads its configuration from process.env.
  Object.assign(process.env, env);
  const app = await serveApp({ dir: projectRoot, dev, port: Number(env.PORT), hostname: process.env.HOSTNAME }).catch(
    (error) => {
      throw error?.code === 'EADDRINUSE'
        ? new Error(`port ${env.PORT} is already in use; set PORT to a free one.`)
        : error;
    },
  );
  console.log(`Rebound is ready on ${env.NEXTAUTH_URL} (started in ${((Date.now() - startedAt) / 1000).toFixed(1)}s)`);
  // Reminders: a worker process beside the app, unless REBOUND_WORKER=off leaves them to
  // separate `npm run worker` processes.
  const worker = process.env.REBOUND_WORKER === 'off' ? null : startWorkerProcess({ env });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) {
      console.log(`${signal} again: stopping now.`);
      await database?.stop().catch(() => undefined);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing the requests in flight, then stopping.`);
    let code = 0;
    try {
      await app.close();
    } catch (error) {
      console.error('Stopping the app:', error?.message ?? error);
      code = 1;
    }
    // The reminder worker finishes its running deliveries.
    try {
      await worker?.stop();
    } catch (error) {
      console.error('Stopping the reminder worker:', error?.message ?? error);
      code = 1;
    }
    try {
      await database?.stop();
    } catch (error) {
      console.error(error?.message ?? error);
      code = 1;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => fail(error?.message ?? String(error)));

#!/usr/bin/env node
// npm start: builds when the sources changed, prepares the database, serves the app.
//   DATABASE_URL unset → the embedded PGlite database in REBOUND_DATA_DIR (default .data/).
//   DATABASE_URL set   → that PostgreSQL server.
// Either way pending migrations are applied first; any problem stops start-up with one
// clear message. `--dev` serves `next dev` instead of a production build.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './lib/schema-engine.mjs';
import { describeDatabaseUrl } from './lib/database-url.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { startEmbeddedDatabase } from './lib/embedded-database.mjs';
import { isBuildCurrent, recordBuild } from './lib/build-fingerprint.mjs';
import { run, nextBin } from './lib/run.mjs';

const dev = process.argv.includes('--dev');
const dataDir = path.resolve(projectRoot, process.env.REBOUND_DATA_DIR ?? '.data');

function fail(message) {
  console.error(`\nRebound could not start: ${message}\n`);
  process.exit(1);
}

/** NEXTAUTH_SECRET from the environment, else one generated once and kept in the data dir. */
function resolveAuthSecret(embedded) {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!embedded && !dev) {
    fail('NEXTAUTH_SECRET is required with DATABASE_URL in production. Generate one with `openssl rand -base64 32`.');
  }
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'nextauth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function ensureBuild(env) {
  if (dev || isBuildCurrent(projectRoot)) return;
  console.log('Building the app (only when the sources changed)…');
  const generated = await run(process.execPath, ['scripts/prisma.mjs', 'generate'], { cwd: projectRoot, env });
  if (generated !== 0) fail('`prisma generate` failed (see above).');
  const built = await run(process.execPath, [nextBin, 'build'], { cwd: projectRoot, env });
  if (built !== 0) fail('the production build failed (see above).');
  recordBuild(projectRoot);
}

async function main() {
  const embedded = !process.env.DATABASE_URL;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  env.NEXTAUTH_SECRET = resolveAuthSecret(embedded);
  env.PORT = process.env.PORT ?? '3000';
  env.NEXTAUTH_URL = process.env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  // Without SMTP, mail is written here as .eml files instead of being sent.
  env.MAIL_OUTBOX_DIR = process.env.MAIL_OUTBOX_DIR ?? path.join(dataDir, 'outbox');

  await ensureBuild(env);

  let database;
  if (embedded) {
    database = await startEmbeddedDatabase({ dataDir, port: Number(process.env.REBOUND_EMBEDDED_DB_PORT ?? 0) }).catch((error) =>
      fail(error.message),
    );
    env.DATABASE_URL = database.url;
    env.REBOUND_DATABASE_MODE = 'embedded';
    console.log(`Embedded database: ${path.relative(projectRoot, dataDir) || '.'}/pglite, served at ${database.url}`);
  } else {
    try {
      describeDatabaseUrl(env.DATABASE_URL);
    } catch (error) {
      fail(error.message);
    }
    env.REBOUND_DATABASE_MODE = 'server';
  }

  try {
    const applied = await migrateDatabase(env.DATABASE_URL);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    await database?.stop();
    fail(error.message);
  }

  const args = dev ? [nextBin, 'dev', '--port', env.PORT] : [nextBin, 'start', '--port', env.PORT];
  if (process.env.HOSTNAME) args.push('--hostname', process.env.HOSTNAME);
  const { spawn } = await import('node:child_process');
  const app = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: 'inherit' });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    app.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  app.on('exit', async (code) => {
    await database?.stop();
    process.exit(code ?? 0);
  });
}

main().catch((error) => fail(error?.message ?? String(error)));

#!/usr/bin/env node
// Runs the Prisma CLI for the commands that work offline (generate, validate, format).
// The CLI insists on a schema-engine binary it cannot download here; these commands never
// execute it, so any existing file satisfies the check. Migrations go through
// scripts/db-migration.mjs and scripts/db-migrate.mjs (the WASM schema engine) instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);

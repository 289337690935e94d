#!/usr/bin/env node
// Prints the interview-list figures issue 4 asks for (5,000 interviews of one user: SQL
// statements per call and time). Needs a migrated database in DATABASE_URL, so run it as
//   node scripts/with-test-db.mjs node scripts/bench-interview-list.mjs
// (TEST_DATABASE_URL=postgresql://… for a PostgreSQL server instead of the embedded one).
//
// The benchmark is TypeScript that imports the app, so it runs under jest with the
// integration project's own transform and module mapping, read from tests/jest.config.js, only
// with testMatch pointed at tests/bench/. No test project matches that folder, so `npm test` never
// runs it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './lib/run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!process.env.DATABASE_URL) {
  console.error('The benchmark needs a database: node scripts/with-test-db.mjs node scripts/bench-interview-list.mjs');
  process.exit(2);
}

const { projects } = createRequire(import.meta.url)('../tests/jest.config.js');
const integration = projects.find((project) => project.displayName === 'integration');
if (!integration) {
  console.error('tests/jest.config.js has no project named "integration" to borrow the transform from.');
  process.exit(2);
}

const config = {
  ...integration,
  rootDir: root,
  displayName: 'bench',
  testMatch: ['<rootDir>/tests/bench/**/*.bench.ts'],
};

const code = await run(
  path.join(root, 'node_modules/.bin/jest'),
  ['--config', JSON.stringify(config), '--runInBand', '--verbose=false', ...process.argv.slice(2)],
  { cwd: root, env: process.env },
);
process.exit(code);

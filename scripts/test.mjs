#!/usr/bin/env node
// npm test: lint, type check, unit, integration and end-to-end tests, stopping at the
// first failure. Each step is also an npm script of its own.
import { run } from './lib/run.mjs';

const steps = [
  ['lint', 'lint'],
  ['type check', 'typecheck'],
  ['unit tests', 'test:unit'],
  ['integration tests', 'test:integration'],
  ['end-to-end tests', 'test:e2e'],
];

for (const [label, script] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${label} (npm run ${script})`);
  const code = await run('npm', ['run', '--silent', script]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`\n✖ ${label} failed after ${seconds}s`);
    process.exit(code);
  }
  console.log(`✔ ${label} passed in ${seconds}s`);
}

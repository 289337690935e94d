#!/usr/bin/env node
// npm test: lint, type check, unit, integration and end-to-end tests, stopping at the
// first failure. Each step is also an npm script of its own. The browser the last step needs
// is looked for first.
import { chromiumPath, isExecutable, isOnPath, planBrowserCheck } from './lib/browser-check.mjs';
import { run } from './lib/run.mjs';

const browserPath = chromiumPath();
const plan = planBrowserCheck({
  browserPath,
  isBrowserPresent: isExecutable(browserPath),
  isRoot: process.getuid?.() === 0,
  hasAptGet: isOnPath('apt-get'),
});
if (plan.kind === 'stop') {
  console.error(`\n✖ ${plan.message}`);
  process.exit(1);
}
if (plan.kind === 'install') {
  console.log(`\n▶ ${plan.message}`);
  const [command, args] = plan.install;
  // A fresh machine's package lists may be missing or stale: refresh them once and try again.
  const installed =
    (await run(command, args)) === 0 || ((await run(...plan.refresh)) === 0 && (await run(command, args)) === 0);
  if (!installed || !isExecutable(browserPath)) {
    console.error(`\n✖ Installing Chromium failed (see above); the end-to-end tests need it at ${browserPath}.`);
    process.exit(1);
  }
  console.log(`✔ Chromium installed at ${browserPath}`);
}

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

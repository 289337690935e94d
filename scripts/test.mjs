#!/usr/bin/env node
// npm test: lint, type check, unit, integration and end-to-end tests, stopping at the
// first failure. Each step is also an npm script of its own. The browser the last step needs
// is looked for first. The production build the end-to-end tests serve is made beside the
// first four steps (they leave the machine's second core mostly idle), so the last step finds
// it current instead of building it first.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, isExecutable, isOnPath, planBrowserCheck } from './lib/browser-check.mjs';
import { isBuildCurrent, recordBuild } from './lib/build-fingerprint.mjs';
import { nextBin, run } from './lib/run.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

const seconds = (started) => ((Date.now() - started) / 1000).toFixed(1);

/**
 * The build `npm start` would make (scripts/start.mjs's ensureBuild: `next build`, then the
 * fingerprint that tells the launcher it is current), with its output held back so it does not
 * interleave with the other steps': shown when it fails, summed up when it passes.
 */
function startBuild() {
  const started = Date.now();
  if (isBuildCurrent(projectRoot)) {
    console.log('\n✔ production build is current (kept)');
    return { done: Promise.resolve(0), stop() {} };
  }
  console.log('\n▶ production build, beside the steps below (next build)');
  const output = [];
  const child = spawn(process.execPath, [nextBin, 'build'], {
    cwd: projectRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, so a failure elsewhere stops its workers too.
    detached: true,
  });
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const done = new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  }).then((code) => {
    if (code === 0) {
      recordBuild(projectRoot);
      console.log(`\n✔ production build finished in ${seconds(started)}s`);
    } else {
      process.stderr.write(Buffer.concat(output));
      console.error(`\n✖ production build failed after ${seconds(started)}s`);
    }
    return code;
  });
  return {
    done,
    stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
    },
  };
}

/** One npm script, with its time; the exit code. */
async function runStep(label, script) {
  const started = Date.now();
  console.log(`\n▶ ${label} (npm run ${script})`);
  const code = await run('npm', ['run', '--silent', script]);
  if (code !== 0) console.error(`\n✖ ${label} failed after ${seconds(started)}s`);
  else console.log(`✔ ${label} passed in ${seconds(started)}s`);
  return code;
}

const firstSteps = [
  ['lint', 'lint'],
  ['type check', 'typecheck'],
  ['unit tests', 'test:unit'],
  ['integration tests', 'test:integration'],
];

const allStarted = Date.now();
const build = startBuild();
// A failed build stops the run as soon as the step in progress ends.
let buildCode = null;
build.done.then((code) => (buildCode = code));
for (const [label, script] of firstSteps) {
  const code = await runStep(label, script);
  if (code !== 0) {
    build.stop();
    process.exit(code);
  }
  if (buildCode) process.exit(buildCode);
}
const waitedFrom = Date.now();
const built = await build.done;
if (built !== 0) process.exit(built);
if (Date.now() - waitedFrom > 1_000) console.log(`(waited ${seconds(waitedFrom)}s for the build)`);

const code = await runStep('end-to-end tests', 'test:e2e');
console.log(`\n${code === 0 ? '✔ all steps passed' : '✖ stopped'} after ${seconds(allStarted)}s`);
process.exit(code);

// The reminder worker as a child process of the launcher. It runs apart from Next.js on
// purpose: the two must not share one Prisma client across Next's bundles (the app's
// "database unavailable" handling relies on its own bundle's error classes), and a worker
// busy with SMTP must not slow pages down. The child exits when the launcher goes away (IPC
// disconnect), even after a kill -9, and is started again if it dies on its own.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { projectRoot } from './schema-engine.mjs';

const require = createRequire(import.meta.url);
const RESTART_DELAYS_MS = [1_000, 5_000, 15_000, 60_000];
const STOP_TIMEOUT_MS = 15_000;
// Read by lib/server/jobs/worker-state.ts (the health report) in this same process.
const STATE = Symbol.for('rebound.reminder-worker');

/**
 * Starts `scripts/worker.ts` under tsx with the given environment and keeps it running.
 * Returns its state (also published on globalThis for /api/health) with stop().
 */
export function startWorkerProcess({ env, log = (message) => console.log(`[worker] ${message}`) }) {
  let child = null;
  let stopping = false;
  let restarts = 0;
  let timer = null;
  const state = {
    status: 'starting',
    worker: null,
    startedAt: null,
    lastError: null,
    pid: null,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      state.status = 'stopped';
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      const timeout = setTimeout(() => running.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
    },
  };
  globalThis[STATE] = state;

  const launch = () => {
    timer = null;
    const tsx = require.resolve('tsx/cli');
    child = spawn(
      process.execPath,
      [tsx, '--conditions=react-server', '--tsconfig', 'tsconfig.json', 'scripts/worker.ts'],
      {
        cwd: projectRoot,
        env: { ...env, REBOUND_WORKER_CHILD: '1' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    state.pid = child.pid ?? null;
    child.on('message', (message) => {
      if (message?.type !== 'worker-state') return;
      state.status = message.status;
      state.lastError = message.lastError ?? null;
      state.startedAt = message.startedAt ? new Date(message.startedAt) : null;
      if (message.status === 'running') restarts = 0;
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      const delay = RESTART_DELAYS_MS[Math.min(restarts, RESTART_DELAYS_MS.length - 1)];
      restarts += 1;
      state.status = 'retrying';
      state.lastError = `The worker process stopped (${signal ?? `exit code ${code}`}).`;
      log(`${state.lastError} Starting it again in ${delay / 1000}s.`);
      timer = setTimeout(launch, delay);
      timer.unref();
    });
  };
  launch();
  return state;
}

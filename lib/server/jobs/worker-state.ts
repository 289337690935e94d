import 'server-only';
import type { ReminderWorker } from './reminder-worker';

export type WorkerState = {
  status: 'starting' | 'running' | 'retrying' | 'stopped';
  worker: ReminderWorker | null;
  startedAt: Date | null;
  lastError: string | null;
  stop(): Promise<void>;
};

// On globalThis: the worker starts in Next.js's instrumentation bundle, the health route is
// another bundle, and the launcher (scripts/start.mjs) stops it on SIGTERM.
const STATE = Symbol.for('rebound.reminder-worker');

export function getWorkerState(): WorkerState | undefined {
  return (globalThis as { [STATE]?: WorkerState })[STATE];
}

export function setWorkerState(state: WorkerState): void {
  (globalThis as { [STATE]?: WorkerState })[STATE] = state;
}

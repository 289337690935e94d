import 'server-only';
import { getDatabaseUrl } from '@/lib/env';
import { startReminderWorker } from './reminder-worker';
import { getWorkerState, setWorkerState, type WorkerState } from './worker-state';

const RETRY_START_MS = 30_000;

/**
 * Runs the reminder worker inside this process (npm run worker, and the worker process npm
 * start runs beside the app: scripts/lib/worker-process.mjs). A database that
 * is not there yet does not stop the app: the worker tries again every 30 seconds. Starting
 * twice in one process is a no-op. REBOUND_WORKER=off leaves it to separate `npm run worker`
 * processes.
 */
export async function startWorkerInProcess(
  options: { log?: (message: string) => void; onChange?: (state: WorkerState) => void } = {},
): Promise<WorkerState> {
  const existing = getWorkerState();
  if (existing) return existing;
  const log = options.log ?? ((message: string) => console.log(`[worker] ${message}`));
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const state: WorkerState = {
    status: 'starting',
    worker: null,
    startedAt: null,
    lastError: null,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const worker = state.worker;
      state.status = 'stopped';
      state.worker = null;
      await worker?.stop();
    },
  };
  setWorkerState(state);

  const attempt = async () => {
    timer = null;
    try {
      const worker = await startReminderWorker({ connectionString: getDatabaseUrl() });
      if (stopped) return void (await worker.stop());
      Object.assign(state, { status: 'running', worker, startedAt: worker.startedAt, lastError: null });
      options.onChange?.(state);
      log('reminders are being sent from this process.');
    } catch (error) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
      Object.assign(state, { status: 'retrying', lastError: message });
      options.onChange?.(state);
      log(`could not start (${message}); trying again in ${RETRY_START_MS / 1000}s.`);
      if (!stopped) timer = setTimeout(attempt, RETRY_START_MS);
      timer?.unref();
    }
  };
  await attempt();
  return state;
}

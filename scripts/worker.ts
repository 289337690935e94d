// npm run worker: the reminder worker alone, for deployments that scale workers apart from the
// web instances (which then run with REBOUND_WORKER=off). Needs DATABASE_URL. `npm start` runs
// this same file as a child process (scripts/lib/worker-process.mjs), reporting its state to the
// launcher over IPC and exiting when the launcher goes away. Stops cleanly on SIGINT/SIGTERM,
// letting a running delivery finish.
import { startWorkerInProcess } from '@/lib/server/jobs/start-worker-in-process';
import type { WorkerState } from '@/lib/server/jobs/worker-state';

function report(state: WorkerState): void {
  process.send?.({
    type: 'worker-state',
    status: state.status,
    lastError: state.lastError,
    startedAt: state.startedAt?.toISOString() ?? null,
  });
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      '\nThe worker needs DATABASE_URL (a PostgreSQL server). With the embedded database, `npm start` runs the worker itself.\n',
    );
    process.exit(1);
  }
  let stopping = false;
  const started: { state?: WorkerState } = {};
  const stop = async (reason: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[worker] ${reason}: letting running deliveries finish, then stopping.`);
    await started.state?.stop().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Started by the launcher: when it is gone (even killed with -9), so is this worker.
  if (process.send) process.on('disconnect', () => void stop('the app stopped'));
  started.state = await startWorkerInProcess({ onChange: report });
  report(started.state);
}

void main();

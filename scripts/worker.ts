// npm run worker: the reminder worker alone, for deployments that scale workers apart from the
// web instances (which then run with REBOUND_WORKER=off). Needs DATABASE_URL: the embedded
// database serves one `npm start` only. Stops cleanly on SIGINT/SIGTERM, letting a running
// delivery finish.
import { startWorkerInProcess } from '@/lib/server/jobs/start-worker-in-process';

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error('\nThe worker needs DATABASE_URL (a PostgreSQL server). With the embedded database, `npm start` runs the worker itself.\n');
    process.exit(1);
  }
  const state = await startWorkerInProcess();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: letting running deliveries finish, then stopping.`);
    await state.stop().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();

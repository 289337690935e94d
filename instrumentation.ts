// Next.js calls register() once when a server process starts. In the Node.js runtime it starts
// the reminder worker in this process (npm start, in embedded and server mode alike), unless
// REBOUND_WORKER=off hands the work to separate `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.REBOUND_WORKER === 'off') return;
  const { startWorkerInProcess } = await import('./lib/server/jobs/start-worker-in-process');
  await startWorkerInProcess();
}

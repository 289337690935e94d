import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { HttpClient } from './http-client';

/*
 * Writes and bookkeeping for the load, crash and shutdown tests: every write carries a unique
 * company name, so what the app acknowledged can be compared with what its CSV export holds.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A valid "add interview" form with the given company. */
export function interviewForm(company: string, date = '2027-03-10') {
  return {
    company,
    roleTitle: 'Load Engineer',
    roundLabel: '',
    date,
    startTime: '10:00',
    endTime: '11:00',
    timeZone: 'Europe/London',
    format: 'VIDEO',
    meetingUrl: 'https://meet.example.com/load',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    notes: '',
  };
}

export type WriteOutcome = {
  company: string;
  sentAt: number;
  answeredAt: number;
  acknowledged: boolean;
  status: number | 'network error';
};

/** Creates one interview; an acknowledged write is a 200 whose result says ok. */
export async function createInterview(
  client: HttpClient,
  company: string,
  date?: string,
): Promise<WriteOutcome & { id?: string }> {
  const sentAt = Date.now();
  try {
    const { status, result } = await client.callAction(
      'createInterviewAction',
      [interviewForm(company, date)],
      '/interviews/new',
    );
    const data = result as { ok?: boolean; data?: { id: string } } | undefined;
    return {
      company,
      sentAt,
      answeredAt: Date.now(),
      status,
      acknowledged: status === 200 && data?.ok === true,
      id: data?.data?.id,
    };
  } catch {
    return { company, sentAt, answeredAt: Date.now(), status: 'network error', acknowledged: false };
  }
}

/** The company column of the user's CSV export, one entry per interview. */
export async function exportedCompanies(client: HttpClient): Promise<string[]> {
  const response = await client.get('/api/interviews/export');
  if (response.status !== 200) throw new Error(`CSV export answered ${response.status}`);
  // The test's company names have no commas or quotes, so the first field is the name.
  return response.text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0] ?? '');
}

export function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

export { findFreePort as freePort } from '@/scripts/lib/free-port.mjs';

/** Whether pid is a running process; an exited one that its parent has not reaped yet is not. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The pid in a cluster's postmaster.pid, when that process still runs. */
export function runningPostmaster(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8'), 10);
    return isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type Launcher = {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
};

/** A temp data dir for a launcher of the test's own, under .test-data (removed by the caller). */
export function makeDataDir(): string {
  mkdirSync(path.join(ROOT, '.test-data'), { recursive: true });
  return mkdtempSync(path.join(ROOT, '.test-data', 'launcher-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm start` as a user runs it (node scripts/start.mjs, embedded mode) on dataDir, in a process
 * group of its own so that a test can signal the whole group. Resolves once /api/health is 200.
 * `extraEnv` overrides the environment last: other limits, or a database of the test's own
 * (DATABASE_URL, NEXTAUTH_SECRET).
 */
export async function startLauncher(
  dataDir: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<Launcher> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    REBOUND_DATA_DIR: dataDir,
    NEXTAUTH_URL: `http://localhost:${port}`,
    REBOUND_SIGN_UPS_PER_IP: '1000',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_HOST;
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://localhost:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the launcher exited with ${child.exitCode}:\n${output}`);
      try {
        return (await fetch(`${baseUrl}/api/health`)).status === 200;
      } catch {
        return false;
      }
    },
    120_000,
    `the app on ${baseUrl}`,
  );
  return { child, baseUrl, output: () => output, exited };
}

/** Resolves with true when `promise` settles within ms, else false; leaves no timer behind. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends writes from `clients` parallel loops until stop() says so; every outcome is kept. */
export function writeContinuously(clients: HttpClient[], prefix: string) {
  const outcomes: WriteOutcome[] = [];
  let stopped = false;
  let sequence = 0;
  const loops = clients.map(async (client, index) => {
    while (!stopped) {
      sequence += 1;
      const outcome = await createInterview(client, `${prefix}-${index}-${sequence}`);
      outcomes.push(outcome);
      // A server that is gone answers every request at once; do not spin on it.
      if (!outcome.acknowledged) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return {
    outcomes,
    acknowledged: () => outcomes.filter((outcome) => outcome.acknowledged),
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

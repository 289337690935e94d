// Starting the production app for the bench and signing in to it the way a browser does.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `node scripts/start.mjs` (build when the sources changed, migrate, serve) in its own process
 * group, resolved once /api/health answers. `stop()` sends SIGTERM and waits for the exit.
 */
export async function startApp({ root, port, env, log, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, 'scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
    log?.(String(chunk));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15 * 60_000;
  let gone = false;
  exited.then(() => (gone = true));
  while (!gone) {
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the app did not answer /api/health within 15 minutes:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (gone) throw new Error(`the app stopped during start-up:\n${output}`);
  return {
    baseUrl,
    pid: child.pid,
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The id the build gave the server action exported as `name`. */
export function findActionId(root, name) {
  const manifest = JSON.parse(
    readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  );
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName === name) return id;
  throw new Error(`no server action named ${name} in the build`);
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header to send. */
export async function signIn(baseUrl, email, password) {
  const cookies = new Map();
  const remember = (response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0];
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
  };
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  remember(csrf);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  remember(response);
  if (![...cookies.keys()].some((name) => name.endsWith('next-auth.session-token'))) {
    throw new Error(`sign-in failed for ${email}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  }
  return header();
}

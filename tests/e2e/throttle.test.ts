import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { actionId, HttpClient, readActionResult } from './support/http-client';
import {
  freePort,
  makeDataDir,
  removeDataDir,
  runningPostmaster,
  startLauncher,
  waitFor,
  type Launcher,
} from './support/load';

// The per-address limits as a client meets them over HTTP, on a launcher of its own with the
// limits at their defaults (the shared app raises them: every other test comes from 127.0.0.1).
// Every request claims another address in the headers a client controls; none of it counts.
test.describe.configure({ timeout: 240_000 });

const PASSWORD = 'a long enough password';
let forgedSequence = 0;

function forgedAddressHeaders(): Record<string, string> {
  forgedSequence += 1;
  const forged = `10.9.${forgedSequence % 250}.1`;
  return { 'X-Forwarded-For': forged, 'X-Real-IP': forged, 'X-Rebound-Client-IP': forged };
}

/** One credentials sign-in; answers the error next-auth gives the form, or 'signed in'. */
async function attemptSignIn(baseUrl: string, email: string, password: string): Promise<string> {
  const client = new HttpClient(baseUrl);
  const { csrfToken } = JSON.parse((await client.get('/api/auth/csrf')).text) as { csrfToken: string };
  const response = await client.request('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...forgedAddressHeaders() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
  });
  const { url } = JSON.parse(response.text) as { url: string };
  return new URL(url).searchParams.get('error') ?? 'signed in';
}

async function attemptSignUp(client: HttpClient, email: string): Promise<unknown> {
  const response = await client.request('/sign-up', {
    method: 'POST',
    headers: {
      'Next-Action': actionId('signUpAction'),
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: client.baseUrl,
      ...forgedAddressHeaders(),
    },
    body: JSON.stringify([{ name: 'Forger', email, password: PASSWORD, timeZone: 'Europe/London' }]),
  });
  return readActionResult(response.text);
}

test.describe('per-address limits', () => {
  let dataDir: string;
  let launcher: Launcher | undefined;

  test.beforeEach(() => {
    dataDir = makeDataDir();
  });

  test.afterEach(async () => {
    if (launcher && launcher.child.exitCode === null && launcher.child.signalCode === null) {
      launcher.child.kill('SIGTERM');
      await launcher.exited;
    }
    launcher = undefined;
    const orphan = runningPostmaster(dataDir);
    if (orphan) process.kill(orphan, 'SIGINT');
    await waitFor(() => runningPostmaster(dataDir) === null, 30_000, 'the test cluster to stop');
    removeDataDir(dataDir);
  });

  test('refuses the 6th sign-up from one address, whatever X-Forwarded-For each one claims', async () => {
    launcher = await startLauncher(dataDir, await freePort(), { REBOUND_SIGN_UPS_PER_IP: '' });
    const client = new HttpClient(launcher.baseUrl);

    const results = [];
    for (let i = 0; i < 8; i += 1)
      results.push(await attemptSignUp(client, `forged-${i}-${randomUUID()}@example.test`));

    expect(results.slice(0, 5)).toEqual(Array(5).fill(expect.objectContaining({ ok: true })));
    expect(results.slice(5)).toEqual(Array(3).fill(expect.objectContaining({ ok: false, code: 'RATE_LIMITED' })));
  });

  test('refuses a password spray over 40 accounts from one address after 20 failures', async () => {
    launcher = await startLauncher(dataDir, await freePort(), { REBOUND_SIGN_IN_FAILURES_PER_IP: '' });
    const emails = Array.from({ length: 40 }, (_, i) => `sprayed-${i}-${randomUUID()}@example.test`);
    // Signing up signs in too: successful sign-ins must not count against the address.
    for (const email of emails) await new HttpClient(launcher.baseUrl).signUp(email, PASSWORD);

    const answers = [];
    for (const email of emails) answers.push(await attemptSignIn(launcher.baseUrl, email, 'Summer2026!'));

    expect(answers.slice(0, 20)).toEqual(Array(20).fill('Incorrect email or password.'));
    expect(answers.slice(20)).toEqual(
      Array(20).fill(
        expect.stringMatching(/^Too many failed sign-ins from this network\. Try again after \d{2}:\d{2} UTC\.$/),
      ),
    );
  });
});

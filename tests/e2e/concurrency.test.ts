import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { HttpClient } from './support/http-client';
import { baseUrl } from './support/browser';
import { countBy, createInterview, exportedCompanies } from './support/load';

// Against the app playwright.config.ts serves on its embedded database: many sessions at
// once, the way the earlier embedded database (one Postgres session behind a socket) failed.
test.describe.configure({ timeout: 240_000 });

const USERS = 8;
const CLIENTS_PER_USER = 4;
const ROUNDS = 10;

function yesterdayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() - 86_400_000));
}

test.describe('the embedded database under concurrent use', () => {
  test('answers 32 concurrent clients with no server error, keeps every acknowledged write exactly once, and shows no one else’s rows', async () => {
    const run = randomUUID().slice(0, 8);
    const users = Array.from({ length: USERS }, (_, index) => ({
      tag: `Load${run}u${index}`,
      email: `load-${run}-${index}@example.test`,
    }));
    const clients = await Promise.all(
      users.flatMap((user) =>
        Array.from({ length: CLIENTS_PER_USER }, async (_, slot) => {
          const client = new HttpClient(baseUrl);
          // One account per user, signed in separately by each of its clients (separate sessions).
          if (slot === 0) await client.signUp(user.email);
          return { user, slot, client };
        }),
      ),
    ).then(async (pending) => {
      for (const entry of pending)
        if (entry.slot !== 0) await entry.client.signIn(entry.user.email, 'a long enough password');
      return pending;
    });
    expect(clients).toHaveLength(32);

    const failures: string[] = [];
    const acknowledged = new Map<string, string[]>(users.map((user) => [user.tag, []]));
    let requests = 0;
    await Promise.all(
      clients.map(async ({ user, slot, client }) => {
        let lastId: string | undefined;
        for (let round = 0; round < ROUNDS; round += 1) {
          requests += 1;
          if (round % 2 === 0) {
            const write = await createInterview(client, `${user.tag}-${slot}-${round}`);
            if (write.acknowledged) {
              acknowledged.get(user.tag)!.push(write.company);
              lastId = write.id;
            } else failures.push(`create ${write.company}: ${write.status}`);
            continue;
          }
          const pathname = round % 4 === 1 ? '/interviews' : lastId ? `/interviews/${lastId}` : '/dashboard';
          const page = await client.get(pathname);
          if (page.status !== 200) failures.push(`GET ${pathname}: ${page.status}`);
          for (const [, owner] of page.text.matchAll(new RegExp(`(Load${run}u\\d+)-`, 'g'))) {
            if (owner !== user.tag) failures.push(`GET ${pathname} as ${user.tag} shows a row of ${owner}`);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(requests).toBe(32 * ROUNDS);

    for (const user of users) {
      const owner = clients.find((entry) => entry.user === user)!.client;
      const stored = countBy(await exportedCompanies(owner));
      const expected = acknowledged.get(user.tag)!;
      expect(expected).toHaveLength(CLIENTS_PER_USER * (ROUNDS / 2));
      // Exactly the acknowledged writes, each once, and nothing of anyone else's.
      expect([...stored.keys()].sort()).toEqual([...expected].sort());
      expect([...stored.values()].every((count) => count === 1)).toBe(true);
    }
  });

  test('opens exactly one recovery when "mark missed" is sent 20 times at once', async () => {
    const client = new HttpClient(baseUrl);
    await client.signUp(`missed-${randomUUID()}@example.test`);
    const interview = await createInterview(client, `Parallel${randomUUID().slice(0, 6)}`, yesterdayInLondon());
    expect(interview.acknowledged).toBe(true);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        // Twenty tabs: each form has its own idempotency key.
        client.callAction(
          'startRecoveryAction',
          [
            {
              interviewId: interview.id,
              kind: 'MISSED',
              reason: 'FORGOT',
              explanation: '',
              employerWarned: false,
              idempotencyKey: randomUUID(),
            },
          ],
          `/interviews/${interview.id}/recover`,
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const results = answers.map((answer) => answer.result as { ok: boolean; data?: { incidentId: string } });
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(new Set(results.map((result) => result.data?.incidentId)).size).toBe(1);

    const exported = JSON.parse((await client.get('/api/account/export')).text) as { incidents: unknown[] };
    expect(exported.incidents).toHaveLength(1);
  });
});

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { actionId, HttpClient, readActionResult } from './support/http-client';
import { baseUrl } from './support/browser';
import { createInterview, exportedCompanies } from './support/load';

/*
 * A bounded HTTP fuzz of the app this run serves: one signed-up user, then every server action
 * in the build and every route handler under app/api, each sent the same number of malformed
 * inputs from a fixed seed, and every action the bodies Next.js cannot decode, which must be
 * answered 400. No answer may be a 500, and the user's data must still export and hold the
 * seeded interview as it was.
 */
test.describe.configure({ timeout: 300_000 });

const SEED = 20_260_301;
const PER_TARGET = 15;
const MAX_REQUESTS = 1_500;
const ROOT = path.resolve(__dirname, '..', '..');

// Sending these would change the limits or the mail the other e2e tests rely on (reset and
// forgot-password are counted per address); sign-up is allowed 1,000 per address in this run.
const SKIPPED_ACTIONS = new Set(['forgotPasswordAction', 'resetPasswordAction']);
// Signs out every session, this one included: sent last, after the data has been checked.
const LAST_ACTIONS = new Set(['revokeAllSessionsAction']);

// Every field name a schema in lib/validation reads, so inputs reach past "missing field".
const FIELDS = [
  'name',
  'email',
  'password',
  'timeZone',
  'token',
  'confirmPassword',
  'currentPassword',
  'newPassword',
  'confirmEmail',
  'id',
  'company',
  'roleTitle',
  'roundLabel',
  'date',
  'startTime',
  'endTime',
  'time',
  'format',
  'location',
  'meetingUrl',
  'contactName',
  'contactEmail',
  'contactPhone',
  'notes',
  'travelMinutes',
  'bufferMinutes',
  'interviewId',
  'status',
  'itemId',
  'checked',
  'incidentId',
  'kind',
  'reason',
  'explanation',
  'employerWarned',
  'idempotencyKey',
  'result',
  'response',
  'note',
  'messageId',
  'subject',
  'body',
  'recipient',
  'answer',
  'newStartLocal',
  'step',
  'rootCause',
  'whatHappened',
  'actions',
  'outcome',
  'lessonId',
  'actionId',
  'text',
  'reviewed',
];

function yesterdayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() - 86_400_000));
}

/** The names the build exported from lib/actions/*.ts, from its server-reference manifest. */
function listActionNames(): string[] {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const names = new Set<string>();
  for (const entry of Object.values(manifest.node)) {
    if (entry.exportedName && (entry.filename ?? '').replaceAll('\\', '/').includes('lib/actions/'))
      names.add(entry.exportedName);
  }
  return [...names].sort();
}

/** Percent-encodes UTF-16 as it stands: a lone surrogate becomes the bytes a naive client sends. */
function encodeLoosely(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (/[A-Za-z0-9_.~-]/.test(char)) out += char;
    else if (code >= 0xd800 && code <= 0xdfff)
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else
      out += [...new TextEncoder().encode(char)]
        .map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)
        .join('');
  }
  return out;
}

// Bodies Next.js cannot decode, whatever the action: the launcher answers them 400 before
// Next.js reads them.
const MALFORMED_BODIES: { kind: string; contentType: string; body: string }[] = [
  { kind: 'not JSON', contentType: 'text/plain;charset=UTF-8', body: '{"name": Fuzz}' },
  { kind: 'empty', contentType: 'text/plain;charset=UTF-8', body: '' },
  { kind: 'null', contentType: 'text/plain;charset=UTF-8', body: 'null' },
  {
    kind: 'nested 200,000 deep',
    contentType: 'text/plain;charset=UTF-8',
    body: `[${'{"a":['.repeat(100_000)}${']}'.repeat(100_000)}]`,
  },
  {
    kind: 'garbage multipart',
    contentType: 'multipart/form-data; boundary=fuzz',
    body: '--fuzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n\u0000\u00ff',
  },
];

type Shot = { label: string; send: () => Promise<number>; expected?: number };

test('the app answers fuzzed action bodies and route parameters without a server error, and keeps the data it held', async () => {
  const run = randomUUID().slice(0, 8);
  const client = new HttpClient(baseUrl);
  await client.signUp(`fuzz-${run}@example.test`);

  // Two interviews: a target whose ids the fuzz may name (and so may change), and a control it never names.
  const target = await createInterview(client, `FuzzTarget${run}`, yesterdayInLondon());
  const control = await createInterview(client, `FuzzControl${run}`);
  expect(target.acknowledged && control.acknowledged).toBe(true);
  const started = await client.callAction(
    'startRecoveryAction',
    [
      {
        interviewId: target.id,
        kind: 'MISSED',
        reason: 'FORGOT',
        explanation: '',
        employerWarned: false,
        idempotencyKey: randomUUID(),
      },
    ],
    `/interviews/${target.id}/recover`,
  );
  const incidentId = (started.result as { data?: { incidentId?: string } })?.data?.incidentId;
  expect(incidentId).toBeTruthy();

  const csvBefore = (await client.get('/api/interviews/export')).text;
  const controlRow = (text: string) => text.split(/\r?\n/).find((line) => line.startsWith(`FuzzControl${run},`));
  expect(controlRow(csvBefore)).toBeTruthy();
  const controlPage = async () =>
    (await client.get(`/api/interviews/${control.id}/ics`)).text.replace(/^DTSTAMP:.*$/gm, '');
  const icsBefore = await controlPage();

  // The inputs.
  const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  const known = fc.constantFrom(
    target.id!,
    incidentId!,
    randomUUID(),
    'Europe/London',
    'Not/AZone',
    '2026-02-30',
    '9999-99-99',
    '2027-01-01',
    '0000-00-00T25:61',
    '2027-01-01T10:00',
    '10:00',
    '24:00',
    'VIDEO',
    'MISSED',
    'FORGOT',
    'REACHED',
    'ACCEPTED',
    'PREPARATION',
    'https://example.com',
    'javascript:alert(1)',
    'a@example.com',
    '+44 20 7946 0000',
    '',
  );
  const text = fc.oneof(
    fc.string({ unit: anyCodeUnit, maxLength: 50 }),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.constantFrom(
      '\u0000',
      '\uD800',
      '\uDFFF',
      'a\u0000b',
      '\r\n',
      '\u007f',
      '%00',
      '../../etc/passwd',
      "'; DROP TABLE users; --",
      '{}',
      'undefined',
      'NaN',
    ),
    fc.constantFrom('x'.repeat(100_000), '\u0000'.repeat(20_000), '\uD800'.repeat(20_000)),
    known,
    fc.tuple(known, fc.constantFrom('\u0000', '\uD800', '\t', '\n')).map(([value, bad]) => `${value}${bad}`),
  );
  const deep = fc.integer({ min: 100, max: 1_500 }).map((depth) => {
    let value: unknown = 'leaf';
    for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
    return value;
  });
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 6, arbitrary: text },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(-1, 0, 601, 1e308),
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
    { weight: 1, arbitrary: fc.array(fc.record({ text, actionId: text }, { requiredKeys: [] }), { maxLength: 12 }) },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  );
  const form = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 12 });
  // The server action's argument list, as the client would JSON-encode it (and as it would not).
  const args: fc.Arbitrary<{ kind: string; body: string }> = fc.oneof(
    { weight: 8, arbitrary: form.map((input) => ({ kind: 'args [form]', body: JSON.stringify([input]) })) },
    { weight: 1, arbitrary: value.map((input) => ({ kind: 'args [value]', body: JSON.stringify([input]) })) },
    {
      weight: 1,
      arbitrary: fc.tuple(form, value).map((list) => ({ kind: 'args [form, extra]', body: JSON.stringify(list) })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'args []', body: '[]' }) },
    { weight: 1, arbitrary: form.map((input) => ({ kind: 'bare object', body: JSON.stringify(input) })) },
  );
  const query = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom('format', 'cause', 'from', 'to', 'cursor', 'view', 'status', 'q', 'callbackUrl'), text),
      text,
    ),
    { maxLength: 5 },
  );
  const segment = fc.oneof(
    { weight: 4, arbitrary: text.filter((piece) => piece.length > 0).map(encodeLoosely) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%C0%80',
        '%ED%A0%80',
        '%FF',
        '..',
        '%2e%2e',
        '%2F',
        'a%00b',
        'x'.repeat(5_000),
      ),
    },
  );

  const shots: Shot[] = [];
  const lastShots: Shot[] = [];
  const actionNames = listActionNames();
  expect(actionNames).toEqual(
    expect.arrayContaining(['createInterviewAction', 'startRecoveryAction', 'saveLessonAction', 'updateProfileAction']),
  );
  for (const name of actionNames) {
    for (const { kind, contentType, body } of MALFORMED_BODIES) {
      shots.push({
        label: `${name} ${kind}`,
        expected: 400,
        send: async () =>
          (
            await client.request('/dashboard', {
              method: 'POST',
              headers: {
                'Next-Action': actionId(name),
                Accept: 'text/x-component',
                'Content-Type': contentType,
                Origin: baseUrl,
              },
              body,
            })
          ).status,
      });
    }
  }
  for (const [index, name] of actionNames.entries()) {
    if (SKIPPED_ACTIONS.has(name)) continue;
    const inputs = fc.sample(args, { numRuns: PER_TARGET, seed: SEED + index });
    for (const input of inputs) {
      const shot: Shot = {
        label: `${name} ${input.kind} ${input.body.slice(0, 160)}`,
        send: async () =>
          (
            await client.request('/dashboard', {
              method: 'POST',
              headers: {
                'Next-Action': actionId(name),
                Accept: 'text/x-component',
                'Content-Type': 'text/plain;charset=UTF-8',
                Origin: baseUrl,
              },
              body: input.body,
            })
          ).status,
      };
      (LAST_ACTIONS.has(name) ? lastShots : shots).push(shot);
    }
  }

  const routes: ((pick: { query: string; segment: string }) => string)[] = [
    ({ query }) => `/api/health?${query}`,
    ({ query }) => `/api/interviews/export?${query}`,
    ({ query }) => `/api/lessons/export?${query}`,
    ({ query }) => `/api/account/export?${query}`,
    ({ segment, query }) => `/api/interviews/${segment}/ics?${query}`,
    ({ segment }) => `/api/calendar/${segment}`,
    ({ segment, query }) => `/api/auth/${segment}?${query}`,
    ({ query }) => `/api/push/public-key?${query}`,
  ];
  for (const [index, route] of routes.entries()) {
    const picks = fc.sample(fc.record({ query, segment }), { numRuns: PER_TARGET, seed: SEED + 1_000 + index });
    for (const pick of picks) {
      const pathname = route({
        segment: pick.segment,
        query: pick.query.map(([key, val]) => `${encodeLoosely(key)}=${encodeLoosely(val)}`).join('&'),
      });
      shots.push({ label: `GET ${pathname.slice(0, 200)}`, send: async () => (await client.get(pathname)).status });
    }
  }

  // The push routes read a JSON body of their own: PushSubscription.toJSON(), or { endpoint }.
  const keys = fc.oneof(value, fc.record({ p256dh: value, auth: value }, { requiredKeys: [] }));
  const pushBody = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({ endpoint: value, keys, expirationTime: value }, { requiredKeys: [] })
        .map((body) => JSON.stringify(body)),
    },
    { weight: 1, arbitrary: value.map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: text },
  );
  for (const [index, method] of (['POST', 'DELETE'] as const).entries()) {
    for (const body of fc.sample(pushBody, { numRuns: PER_TARGET, seed: SEED + 2_000 + index })) {
      shots.push({
        label: `${method} /api/push/subscriptions ${body.slice(0, 160)}`,
        send: async () =>
          (
            await client.request('/api/push/subscriptions', {
              method,
              headers: { 'Content-Type': 'application/json', Origin: baseUrl },
              body,
            })
          ).status,
      });
    }
  }

  expect(shots.length + lastShots.length).toBeLessThanOrEqual(MAX_REQUESTS);
  const byStatus = new Map<number, number>();
  const serverErrors: string[] = [];
  const unexpected: string[] = [];
  const fire = async (list: Shot[]) => {
    for (const shot of list) {
      const status = await shot.send();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      if (status >= 500) serverErrors.push(`${status} ${shot.label}`);
      if (shot.expected !== undefined && status !== shot.expected)
        unexpected.push(`${status} (not ${shot.expected}) ${shot.label}`);
    }
  };
  // Sampling keeps the event loop busy for seconds, on a loaded machine past the server's 5 s
  // keep-alive timeout: one turn of the loop lets the client see the connection the server
  // closed meanwhile, instead of sending the first shot on it ("other side closed").
  await new Promise((resolve) => setTimeout(resolve, 50));
  await fire(shots);

  // The data: both exports still parse, and the control interview reads as it did.
  const csvAfter = await client.get('/api/interviews/export');
  expect(csvAfter.status).toBe(200);
  expect(csvAfter.text.split(/\r?\n/)[0]).toBe(csvBefore.split(/\r?\n/)[0]);
  expect(controlRow(csvAfter.text)).toBe(controlRow(csvBefore));
  expect(await exportedCompanies(client)).toContain(`FuzzControl${run}`);
  const account = await client.get('/api/account/export');
  expect(account.status).toBe(200);
  const exported = JSON.parse(account.text) as Record<string, unknown>;
  expect(JSON.stringify(exported)).toContain(`FuzzControl${run}`);
  expect(await controlPage()).toBe(icsBefore);
  // Still signed in, and the action channel still answers a well-formed call.
  const profile = await client.request('/dashboard', {
    method: 'POST',
    headers: {
      'Next-Action': actionId('updateProfileAction'),
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseUrl,
    },
    body: JSON.stringify([{ name: 'Fuzz Tester', timeZone: 'Europe/London' }]),
  });
  expect(profile.status).toBe(200);
  expect(readActionResult(profile.text)).toMatchObject({ ok: true });

  await fire(lastShots);

  const requests = [...byStatus.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    `fuzz: ${requests} requests to ${actionNames.length - SKIPPED_ACTIONS.size} actions and ${routes.length} routes, seed ${SEED}`,
  );
  console.log(`fuzz: answers by status ${JSON.stringify(Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)))}`);
  for (const line of serverErrors) console.log(`fuzz: ${line}`);
  expect(serverErrors).toEqual([]);
  expect(unexpected).toEqual([]);
});

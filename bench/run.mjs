#!/usr/bin/env node
// npm run bench: how fast the production app answers for an ordinary user and for a heavy one,
// next to a floor measured in the same run.
//
//   npm run bench [-- --users 100 --interviews-per-user 100 --applications-per-user 10 --heavy 10000
//                     --heavy-lessons 636 --heavy-applications 1000
//                     --connections 16 --seconds 10 --warmup 3 --only dashboard,calendar --cpu-prof]
//
// 1. A fresh database: a new database on BENCH_DATABASE_URL's server, or a throwaway embedded
//    PostgreSQL cluster. Migrated, then seeded in bulk (bench/lib/seed.mjs).
// 2. `node scripts/start.mjs` in server mode (builds when the sources changed), its database
//    connections passing through a relay that counts SQL statements (bench/lib/statement-counter.mjs).
// 3. Signs in for real, then per route and user: statements and time of single requests,
//    first-load JS of pages, and autocannon at `--connections` for `--seconds` after a warm-up.
//    The floor: a dynamic page that reads no data (/bench/floor, on only for the bench) and a
//    static asset.
//    Then the pages measured for first-load JS only (the forms, the incident page at each recovery
//    step): they join that target, not the load runs.
// 4. Prints the table and the targets, and writes both as JSON to bench/results/.
// --cpu-prof writes the server's CPU profile (open it in Chrome DevTools) to bench/results/profiles/.
// Figures only: it exits 0 whatever they are (non-zero only when it could not measure).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { findFreePort } from '../scripts/lib/free-port.mjs';
import { migrateDatabase } from '../scripts/lib/migrate.mjs';
import { describeMachine, openBenchDatabase } from './lib/bench-database.mjs';
import { findActionId, signIn, startApp } from './lib/app.mjs';
import { measureAlone, measureFirstLoadJs, runLoad, waitForIdle, watchMemory } from './lib/measure.mjs';
import { evaluateTargets, formatTable, formatTargets } from './lib/report.mjs';
import { BENCH_PASSWORD, describeAccount, planAccounts, seedDatabase } from './lib/seed.mjs';
import { startRelayFor } from './lib/statement-counter.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '100' },
    'interviews-per-user': { type: 'string', default: '100' },
    heavy: { type: 'string', default: '10000' },
    'heavy-lessons': { type: 'string', default: '636' },
    'applications-per-user': { type: 'string', default: '10' },
    'heavy-applications': { type: 'string', default: '1000' },
    connections: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const number = (name) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, not "${args[name]}"`);
  return value;
};
const settings = {
  users: Math.max(1, number('users')),
  interviewsPerUser: Math.max(10, number('interviews-per-user')),
  heavyInterviews: number('heavy'),
  heavyLessons: number('heavy-lessons'),
  applicationsPerUser: Math.max(1, number('applications-per-user')),
  heavyApplications: Math.max(1, number('heavy-applications')),
  connections: Math.max(1, number('connections')),
  seconds: Math.max(1, number('seconds')),
  warmupSeconds: number('warmup'),
};
const only = args.only ? new Set(args.only.split(',').map((name) => name.trim())) : null;
const log = (message) => console.log(`[bench] ${message}`);

/** The routes to measure for one signed-in account. */
function routesFor(account, cookie, writeActionId) {
  const withCookie = { Cookie: cookie };
  const routes = [
    { route: 'dashboard', kind: 'page', path: '/dashboard', headers: withCookie },
    { route: 'interviews', kind: 'page', path: '/interviews', headers: withCookie },
    account.deepCursor && {
      route: 'interviews, 100 pages in',
      kind: 'page',
      path: `/interviews?view=past&cursor=${account.deepCursor}`,
      headers: withCookie,
    },
    account.upcomingInterviewId && {
      route: 'interview',
      kind: 'page',
      path: `/interviews/${account.upcomingInterviewId}`,
      headers: withCookie,
    },
    account.incidentId && {
      route: 'incident',
      kind: 'page',
      path: `/incidents/${account.incidentId}`,
      headers: withCookie,
    },
    { route: 'applications board', kind: 'page', path: '/applications', headers: withCookie },
    { route: 'applications table', kind: 'page', path: '/applications/table', headers: withCookie },
    account.deepApplicationsCursor && {
      route: 'applications table, 100 pages in',
      kind: 'page',
      path: `/applications/table?cursor=${account.deepApplicationsCursor}`,
      headers: withCookie,
    },
    account.applicationId && {
      route: 'application',
      kind: 'page',
      path: `/applications/${account.applicationId}`,
      headers: withCookie,
    },
    { route: 'lessons', kind: 'page', path: '/lessons', headers: withCookie },
    { route: 'lessons review', kind: 'page', path: '/lessons/review', headers: withCookie },
    { route: 'lessons patterns', kind: 'page', path: '/lessons/patterns', headers: withCookie },
    { route: 'calendar feed', kind: 'api', path: `/api/calendar/${account.feedToken}.ics`, headers: {} },
    { route: 'CSV export', kind: 'api', path: '/api/interviews/export', headers: withCookie },
    account.upcomingInterviewId && {
      route: 'write: tick a prep item',
      kind: 'write',
      path: `/interviews/${account.upcomingInterviewId}`,
      method: 'POST',
      headers: {
        ...withCookie,
        'Next-Action': writeActionId,
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
      },
      body: JSON.stringify([{ id: account.upcomingInterviewId, itemId: 'documents-ready', checked: true }]),
    },
  ];
  return routes
    .filter(Boolean)
    .filter((route) => !only || only.has(route.route) || only.has(route.route.split(/[ ,:]/)[0]));
}

/** The pages measured for first-load JS only: the forms, the notifications pages and the incident page at each recovery step. */
function firstLoadPagesFor(account, cookie, stepIncidents) {
  const withCookie = { Cookie: cookie };
  const pages = [
    { route: 'sign-up', path: '/sign-up', headers: {} },
    { route: 'forgot password', path: '/forgot-password', headers: {} },
    { route: 'reset password', path: '/reset-password?token=bench-token-bench-token-bench', headers: {} },
    { route: 'new interview', path: '/interviews/new', headers: withCookie },
    account.upcomingInterviewId && {
      route: 'edit interview',
      path: `/interviews/${account.upcomingInterviewId}/edit`,
      headers: withCookie,
    },
    account.missedInterviewId && {
      route: 'recover interview',
      path: `/interviews/${account.missedInterviewId}/recover`,
      headers: withCookie,
    },
    ...stepIncidents.map(({ id, state }) => ({
      route: `incident, ${state.toLowerCase()} step`,
      path: `/incidents/${id}`,
      headers: withCookie,
    })),
    { route: 'new application', path: '/applications/new', headers: withCookie },
    account.applicationId && {
      route: 'edit application',
      path: `/applications/${account.applicationId}/edit`,
      headers: withCookie,
    },
    { route: 'application stages', path: '/applications/stages', headers: withCookie },
    { route: 'proof of search', path: '/applications/proof', headers: withCookie },
    { route: 'account', path: '/account', headers: withCookie },
    { route: 'new lesson', path: '/lessons/new', headers: withCookie },
    account.lessonId && { route: 'edit lesson', path: `/lessons/${account.lessonId}/edit`, headers: withCookie },
    { route: 'notifications', path: '/notifications', headers: withCookie },
    { route: 'notification preferences', path: '/notifications/preferences', headers: withCookie },
  ];
  return pages
    .filter(Boolean)
    .filter((page) => !only || only.has(page.route) || only.has(page.route.split(/[ ,:]/)[0]));
}

const OPEN_RECOVERY_STATES = ['CALL', 'APOLOGY', 'SEND', 'OUTCOME', 'PREP', 'LESSON'];

/**
 * Reopens seeded incidents of the account, one at each open recovery step while there are
 * enough (every seeded one is closed, the load runs measured the closed page). Run after the load
 * runs: an open recovery changes the dashboard and the incident page.
 */
async function openIncidentPerStep(databaseUrl, account) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT id FROM "MissedIncident" WHERE "userId" = $1 ORDER BY id LIMIT $2`, [
      account.id,
      OPEN_RECOVERY_STATES.length,
    ]);
    const opened = rows.map(({ id }, index) => ({ id, state: OPEN_RECOVERY_STATES[index] }));
    for (const { id, state } of opened)
      await client.query(
        `UPDATE "MissedIncident" SET "recoveryState" = $2, "closedAt" = NULL, outcome = NULL WHERE id = $1`,
        [id, state],
      );
    return opened;
  } finally {
    await client.end();
  }
}

async function measureRoute(request, context) {
  const { baseUrl, relay, memory } = context;
  const url = new URL(request.path, baseUrl).toString();
  const single = { url, method: request.method, headers: request.headers, body: request.body };
  const alone = await measureAlone(relay, single);
  const expectStatus = 200;
  if (alone.status !== expectStatus) log(`warning: ${request.route} answered ${alone.status} alone`);
  const firstLoadJs = request.kind === 'page' ? await measureFirstLoadJs(baseUrl, request.path, request.headers) : null;
  memory.section();
  const load = await runLoad({
    ...single,
    expectStatus,
    connections: settings.connections,
    seconds: settings.seconds,
    warmupSeconds: settings.warmupSeconds,
  });
  await waitForIdle(context.pid);
  return {
    route: request.route,
    kind: request.kind,
    statements: alone.statements,
    aloneMs: alone.aloneMs,
    firstLoadJs,
    load,
    peakRss: memory.section(),
  };
}

async function main() {
  const started = Date.now();
  const database = await openBenchDatabase('rebound_bench');
  const cleanups = [() => database.stop()];
  try {
    log(`database: ${database.where}`);
    await migrateDatabase(database.url);
    const accounts = planAccounts(settings);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const seedStarted = Date.now();
    const counts = await seedDatabase(client, accounts);
    log(
      `seeded ${counts.users} users, ${counts.interviews} interviews, ${counts.incidents} incidents, ${counts.lessons} lessons in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const normalAccount = await describeAccount(client, accounts[0]);
    const heavyAccount = settings.heavyInterviews > 0 ? await describeAccount(client, accounts.at(-1)) : null;
    const {
      rows: [missed],
    } = await client.query(`SELECT id FROM "Interview" WHERE "userId" = $1 AND status = 'MISSED' ORDER BY id LIMIT 1`, [
      normalAccount.id,
    ]);
    const {
      rows: [lesson],
    } = await client.query(`SELECT id FROM "Lesson" WHERE "userId" = $1 ORDER BY id LIMIT 1`, [normalAccount.id]);
    Object.assign(normalAccount, { missedInterviewId: missed?.id ?? null, lessonId: lesson?.id ?? null });
    await client.end();

    const { relay, url: relayedUrl } = await startRelayFor(database.url);
    cleanups.unshift(() => relay.close());

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await findFreePort();
    log('starting the production app (it builds first when the sources changed)…');
    const app = await startApp({
      root,
      port,
      log: args.verbose ? (text) => process.stdout.write(text) : undefined,
      nodeArgs: args['cpu-prof']
        ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, 'bench', 'results', 'profiles')}`]
        : [],
      env: {
        DATABASE_URL: relayedUrl,
        NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        REBOUND_DATA_DIR: dataDir,
        REBOUND_BENCH_FLOOR: '1',
        MAIL_OUTBOX_DIR: path.join(dataDir, 'outbox'),
      },
    });
    cleanups.unshift(() => app.stop());
    const memory = watchMemory(app.pid);
    cleanups.unshift(() => memory.stop());
    const context = { baseUrl: app.baseUrl, pid: app.pid, relay, memory };
    const writeActionId = findActionId(root, 'setPrepItemAction');

    const results = [];
    const record = (user, row) => {
      results.push({ user, ...row });
      log(
        `${row.route} (${user}): ${row.load.requestsPerSecond.toFixed(0)} req/s, p50 ${row.load.p50?.toFixed(0) ?? '–'} ms, ${row.statements} statements, ${row.load.errors} errors`,
      );
    };

    // The floor is measured first and again last, and each ratio is against their mean: on a
    // shared machine the load on the cores drifts during a run.
    const floorRequest = { route: 'floor: dynamic page, no data', kind: 'floor', path: '/bench/floor', headers: {} };
    record('first', await measureRoute(floorRequest, context));
    const asset = await measureRoute(
      { route: 'floor: static asset', kind: 'floor', path: '/icon.svg', headers: {} },
      context,
    );
    record('–', asset);
    if (!only || only.has('sign-in'))
      record(
        'signed out',
        await measureRoute({ route: 'sign-in', kind: 'page', path: '/sign-in', headers: {} }, context),
      );

    const cookies = new Map();
    for (const [user, account] of [
      ['normal', normalAccount],
      ['heavy', heavyAccount],
    ]) {
      if (!account) continue;
      cookies.set(user, await signIn(app.baseUrl, account.email, BENCH_PASSWORD));
      for (const request of routesFor(account, cookies.get(user), writeActionId))
        record(user, await measureRoute(request, context));
    }
    record('last', await measureRoute(floorRequest, context));

    const stepIncidents = normalAccount.incidentId ? await openIncidentPerStep(database.url, normalAccount) : [];
    for (const page of firstLoadPagesFor(normalAccount, cookies.get('normal'), stepIncidents)) {
      const firstLoadJs = await measureFirstLoadJs(app.baseUrl, page.path, page.headers);
      results.push({
        route: page.route,
        user: page.headers.Cookie ? 'normal' : 'signed out',
        kind: 'first-load',
        firstLoadJs,
      });
      log(`${page.route}: first-load JS ${(firstLoadJs.bytes / 1024).toFixed(1)} KB gzip`);
    }
    const floorRates = results
      .filter((row) => row.route === floorRequest.route)
      .map((row) => row.load.requestsPerSecond);
    const floorRate = floorRates.reduce((sum, rate) => sum + rate, 0) / floorRates.length;
    for (const row of results)
      if (row.kind !== 'floor' && row.load) row.floorRatio = row.load.requestsPerSecond / floorRate;

    const peakRss = memory.peak;
    const targets = evaluateTargets(results, { peakRss });
    const machine = describeMachine();
    console.log(
      `\nRebound bench, ${new Date().toISOString()}, ${machine.cpus} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ${database.where}`,
    );
    console.log(
      `${settings.users} users × ${settings.interviewsPerUser} interviews + 1 heavy user with ${settings.heavyInterviews} interviews and ${settings.heavyLessons} lessons; ${settings.connections} connections, ${settings.seconds} s after ${settings.warmupSeconds} s warm-up\n`,
    );
    console.log(formatTable(results));
    console.log(
      `\nFloor: ${floorRates.map((rate) => rate.toFixed(0)).join(' and ')} req/s (first and last), ratios against ${floorRate.toFixed(0)}. Server peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MB\n`,
    );
    console.log(formatTargets(targets));

    const resultsDir = path.join(root, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), machine, database: database.where, settings, floorRate, results, peakRss, targets }, null, 2)}\n`,
    );
    console.log(`\nWritten to ${path.relative(root, file)} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch((error) => log(`cleanup: ${error.message}`));
  }
}

main().catch((error) => {
  console.error(`\nThe bench could not run: ${error?.stack ?? error}`);
  process.exit(1);
});

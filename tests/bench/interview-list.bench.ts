/**
 * Figures for issue 4: listing 5,000 interviews of one user (SQL statements per call and time).
 * Not part of any test project; run it with
 *   node scripts/with-test-db.mjs node scripts/bench-interview-list.mjs
 * (add TEST_DATABASE_URL=postgresql://… for a PostgreSQL server). It asserts nothing about
 * speed: it seeds, measures and prints.
 */
import { performance } from 'node:perf_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';
import { streamInterviewsCsv } from '@/lib/server/interviews/stream-interviews-csv';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import { decodeKeysetCursor } from '@/lib/domain/keyset-cursor';
import { getDashboard } from '@/lib/server/interviews/get-dashboard';
import { listInterviews } from '@/lib/server/interviews/list-interviews';

const ROWS_PER_USER = 5_000;
const BATCH = 1_000;
const RUNS = 15;
const WALKS = 5;
// A fixed "now": 2,000 of each user's interviews are past, 3,000 upcoming (120 pages of 25).
const NOW = new Date('2027-01-01T12:00:00.000Z');
const SLOT_MS = 6 * 3_600_000;
const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Pied Piper',
  'Stark Industries',
  'Wayne Enterprises',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Aperture',
  'Black Mesa',
  'Vandelay',
  'Dunder Mifflin',
  'Prestige Worldwide',
  'Gringotts',
  'Oscorp',
  'Massive Dynamic',
];

// The app reads its client from globalThis.prisma when it first needs one (lib/db.ts); putting
// an instrumented one there before any call lets every SQL statement the data layer sends be
// counted without touching the app.
type QueryEvent = Prisma.QueryEvent;
const queryLog: QueryEvent[] = [];
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? '', max: 10 }),
  log: [{ emit: 'event', level: 'query' }],
});
client.$on('query', (event: QueryEvent) => queryLog.push(event));
(globalThis as unknown as { prisma?: unknown }).prisma = client;

// dbMs: the time Prisma reports for the statements themselves, summed (statements run together
// with Promise.all overlap, so for the dashboard it can exceed the wall-clock time).
type Sample = { ms: number; dbMs: number; queries: number };
type Figures = { median: number; min: number; max: number; dbMedian: number; queries: number };

async function measure<T>(work: () => Promise<T>): Promise<Sample & { result: T; log: QueryEvent[] }> {
  queryLog.length = 0;
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const log = [...queryLog];
  return { ms, dbMs: log.reduce((sum, event) => sum + Number(event.duration), 0), queries: log.length, result, log };
}

function summarise(samples: Sample[]): Figures {
  const times = samples.map((sample) => sample.ms);
  return {
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    dbMedian: median(samples.map((sample) => sample.dbMs)),
    queries: Math.max(...samples.map((sample) => sample.queries)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function repeat(work: () => Promise<unknown>, runs = RUNS): Promise<Figures> {
  await work(); // warm-up: plan cache, connection, JIT
  const samples: Sample[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await measure(work));
  return summarise(samples);
}

type Walk = {
  pages: Map<number, Sample[]>;
  ids: string[];
  deepPage: { sql: string; params: unknown[]; cursor: string | undefined } | null;
};

/** Follows nextCursor from the first page to the last, WALKS times after one warm-up walk. */
async function walkAllPages(userId: string, view: 'upcoming' | 'past'): Promise<Walk> {
  const walk: Walk = { pages: new Map(), ids: [], deepPage: null };
  for (let round = 0; round <= WALKS; round += 1) {
    let cursor: string | undefined;
    const ids: string[] = [];
    for (let page = 1; ; page += 1) {
      const sample = await measure(() => listInterviews(userId, { view, cursor }, NOW));
      ids.push(...sample.result.items.map((item) => item.id));
      if (round > 0) walk.pages.set(page, [...(walk.pages.get(page) ?? []), sample]);
      const [statement] = sample.log;
      if (page === 100 && statement)
        walk.deepPage = { sql: statement.query, params: JSON.parse(statement.params) as unknown[], cursor };
      if (!sample.result.nextCursor) break;
      cursor = sample.result.nextCursor;
    }
    walk.ids = ids;
  }
  return walk;
}

function statusFor(slot: number, index: number): 'SCHEDULED' | 'COMPLETED' | 'MISSED' | 'CANCELLED' {
  if (slot >= 1000) return index % 10 === 0 ? 'CANCELLED' : 'SCHEDULED';
  return (['COMPLETED', 'COMPLETED', 'MISSED', 'CANCELLED', 'SCHEDULED'] as const)[index % 5] ?? 'COMPLETED';
}

async function seedUser(label: string): Promise<string> {
  const user = await client.user.create({
    data: {
      email: `bench-${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
      name: `Bench ${label}`,
      timeZone: 'Europe/London',
    },
    select: { id: true },
  });
  // Every interview belongs to an application; the list reads interviews, so one holds them all.
  const stage = await client.applicationStage.create({
    data: { userId: user.id, name: 'Interviewing', position: 3, kind: 'OPEN', systemKey: 'INTERVIEWING' },
    select: { id: true },
  });
  const application = await client.application.create({
    data: {
      userId: user.id,
      company: `Bench ${label}`,
      roleTitle: 'Engineer',
      matchKey: applicationMatchKey(`Bench ${label}`, 'Engineer'),
      stageId: stage.id,
    },
    select: { id: true },
  });
  for (let offset = 0; offset < ROWS_PER_USER; offset += BATCH) {
    const data: Prisma.InterviewCreateManyInput[] = [];
    for (let index = offset; index < Math.min(offset + BATCH, ROWS_PER_USER); index += 1) {
      // Two interviews per start time, so the id tie-break is exercised on every page.
      const slot = Math.floor(index / 2);
      data.push({
        userId: user.id,
        applicationId: application.id,
        company: `${COMPANIES[index % COMPANIES.length]} ${label} ${index}`,
        roleTitle: index % 3 === 0 ? 'Backend Engineer' : 'Product Designer',
        scheduledStart: new Date(NOW.getTime() + (slot - 1000) * SLOT_MS),
        durationMinutes: 60,
        timeZone: 'Europe/London',
        format: index % 2 ? 'VIDEO' : 'IN_PERSON',
        meetingUrl: index % 2 ? 'https://meet.example.com/x' : null,
        location: index % 2 ? null : '1 High Street, London',
        travelMinutes: index % 2 ? null : 30,
        status: statusFor(slot, index),
      });
    }
    await client.interview.createMany({ data });
  }
  return user.id;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const out = (line = '') => process.stdout.write(`${line}\n`);

function table(rows: string[][]): void {
  const widths = rows[0]?.map((_cell, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  rows.forEach((row, index) => {
    out(`| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`);
    if (index === 0) out(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  });
}

async function explain(sql: string, params: unknown[]): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, ...params);
  return rows.map((row) => row['QUERY PLAN']);
}

afterAll(() => client.$disconnect());

it('prints the interview list figures for 5,000 interviews of one user', async () => {
  const seedStarted = performance.now();
  const userId = await seedUser('a');
  await seedUser('b');
  await client.$executeRawUnsafe('ANALYZE "Interview"');
  const seedMs = performance.now() - seedStarted;

  const upcoming = { view: 'upcoming' as const };
  const upcomingWalk = await walkAllPages(userId, 'upcoming');
  const pastWalk = await walkAllPages(userId, 'past');
  // Not a timing assertion: a walk has to be complete for its figures to mean anything.
  expect(upcomingWalk.ids).toHaveLength(3_000);
  expect(new Set(upcomingWalk.ids).size).toBe(3_000);
  expect(new Set(pastWalk.ids).size).toBe(2_000);
  const deepPage = upcomingWalk.deepPage;

  const firstUpcoming = await repeat(() => listInterviews(userId, upcoming, NOW));
  const firstPast = await repeat(() => listInterviews(userId, { view: 'past' }, NOW));
  const byStatus = await repeat(() => listInterviews(userId, { view: 'status', status: 'CANCELLED' }, NOW));
  const searchHit = await repeat(() => listInterviews(userId, { view: 'upcoming', q: 'globex' }, NOW));
  const searchMiss = await repeat(() => listInterviews(userId, { view: 'upcoming', q: 'no such company' }, NOW));
  const searchPastDeep = await repeat(() => listInterviews(userId, { view: 'past', q: 'engineer' }, NOW));
  const dashboard = await repeat(() => getDashboard(userId, NOW));
  const csv = await repeat(async () => new Response(await streamInterviewsCsv(userId)).text(), 5);
  const dashboardTables = (await measure(() => getDashboard(userId, NOW))).log.map(
    (event) => /FROM "public"\."(\w+)"/.exec(event.query)?.[1] ?? '?',
  );

  const mode = process.env.REBOUND_DATABASE_MODE === 'embedded' ? 'embedded PGlite' : 'PostgreSQL server';
  const version = (await client.$queryRawUnsafe<{ version: string }[]>('SELECT version()'))[0]?.version ?? '';
  out();
  out(`## Interview list benchmark — ${mode}`);
  out(`${version.split(',')[0]}; Node ${process.version}`);
  out(
    `Seeded ${ROWS_PER_USER} interviews for the measured user and ${ROWS_PER_USER} for another (two per start time) in ${(seedMs / 1000).toFixed(1)} s; ANALYZE run.`,
  );
  out(
    `Single calls: median of ${RUNS} runs after a warm-up. Pages by cursor: median over ${WALKS} full walks (120 upcoming pages, 80 past) after a warm-up walk.`,
  );
  out(
    '"of which SQL" is the time Prisma reports for the statements, summed; the rest is the client, the driver and the app code.',
  );
  out();
  const row = (label: string, figures: Figures) => [
    label,
    `${fmt(figures.median)} (${figures.min.toFixed(1)}–${figures.max.toFixed(1)})`,
    fmt(figures.dbMedian),
    String(figures.queries),
  ];
  const pageRow = (walk: Walk, view: string, page: number) =>
    row(`${view}, page ${page} (by cursor)`, summarise(walk.pages.get(page) ?? []));
  table([
    ['call', 'time: median (min–max)', 'of which SQL', 'SQL statements'],
    row('upcoming, first page', firstUpcoming),
    pageRow(upcomingWalk, 'upcoming', 2),
    pageRow(upcomingWalk, 'upcoming', 50),
    pageRow(upcomingWalk, 'upcoming', 100),
    pageRow(upcomingWalk, 'upcoming', 120),
    row('past, first page', firstPast),
    pageRow(pastWalk, 'past', 40),
    pageRow(pastWalk, 'past', 80),
    row('by status CANCELLED, first page', byStatus),
    row('search "globex" (upcoming)', searchHit),
    row('search with no match (upcoming)', searchMiss),
    row('search "engineer" (past)', searchPastDeep),
    row('dashboard', dashboard),
    row('CSV export (5,000 rows)', csv),
  ]);
  out();
  out(`Dashboard statements, by table: ${dashboardTables.join(', ')}.`);

  if (deepPage) {
    out();
    out('### EXPLAIN (ANALYZE, BUFFERS) of the page-100 query as the app sends it');
    out('```');
    out(deepPage.sql);
    out('```');
    const plan = await explain(deepPage.sql, deepPage.params);
    out('```');
    for (const line of plan) out(line);
    out('```');
    const usesIndex = plan.some((line) => line.includes('Interview_userId_scheduledStart_id_idx'));
    const removed = plan.map((line) => /Rows Removed by Filter: (\d+)/.exec(line)?.[1]).find(Boolean);
    out(
      `Uses the (userId, scheduledStart, id) index: ${usesIndex ? 'yes' : 'NO'}; rows read and discarded by the keyset filter: ${removed ?? '0'}.`,
    );

    // For comparison only: the same page as a row-value comparison, which the index can seek to.
    const cursor = decodeKeysetCursor(deepPage.cursor);
    if (cursor) {
      const rowValue = await explain(
        'SELECT id FROM "Interview" WHERE "userId" = $1 AND "scheduledStart" >= $2::timestamptz AND ("scheduledStart", id) > ($3::timestamptz, $4) ORDER BY "scheduledStart" ASC, id ASC LIMIT 26',
        [userId, NOW.toISOString(), cursor.at.toISOString(), cursor.id],
      );
      out();
      out('### For comparison only: the same page as a row-value keyset, ("scheduledStart", id) > ($3, $4)');
      out('```');
      for (const line of rowValue) out(line);
      out('```');
    }
  }
  out();
}, 900_000);

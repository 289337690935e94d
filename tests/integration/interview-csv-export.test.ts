import pg from 'pg';
import { startRelayFor, type startStatementCounter } from '@/bench/lib/statement-counter.mjs';
import { GET as exportCsvGet } from '@/app/api/interviews/export/route';
import { getDb } from '@/lib/db';
import { toCsv } from '@/lib/domain/csv';
import { FORMAT_LABELS } from '@/lib/domain/interview-format';
import { INTERVIEW_STATUS_LABELS } from '@/lib/domain/interview-status';
import { formatInZone } from '@/lib/domain/time';
import { countSnapshots } from '@/lib/server/snapshots/open-snapshot-stream';
import type { Prisma } from '@/lib/generated/prisma/client';
import { csvRows } from './support/csv';
import { createTestApplication, createTestUser } from './support/factories';
import { signInAs } from './support/session';

// Route handlers read the session through getCurrentUser; each test says who is signed in.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);

const EXPORT_URL = 'http://test/api/interviews/export';
// Seeding and reading 1,203 interviews a few times takes seconds on a busy machine.
jest.setTimeout(30_000);

// More than two batches of 500, and not a multiple of it.
const INTERVIEWS = 1_203;
const HOUR_MS = 60 * 60 * 1000;
const BASE = Date.parse('2027-01-04T09:00:00.000Z');
const STATUSES = ['SCHEDULED', 'COMPLETED', 'MISSED', 'CANCELLED', 'WITHDRAWN', 'RESCHEDULED'] as const;
const FORMATS = ['VIDEO', 'IN_PERSON', 'PHONE'] as const;
const ZONES = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC'];

// Every SQL statement of the app goes through the bench's counting relay, so a test can see
// whether a download still reads after it was cancelled.
let relay: Awaited<ReturnType<typeof startStatementCounter>>;
// A connection of its own, around the relay, to look at (and break) the app's sessions.
let admin: pg.Client;
let owner: { id: string; sessionVersion: number };

const companyOf = (index: number) => `Company ${String(index).padStart(4, '0')}`;

/**
 * The export as it was built before it streamed: everything read at once, then one string.
 * The streamed file must be byte for byte the same.
 */
async function buildMaterialisedCsv(userId: string): Promise<string> {
  const db = getDb();
  const [interviews, statusEvents] = await Promise.all([
    db.interview.findMany({ where: { userId }, orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }] }),
    db.activityEvent.findMany({
      where: { userId, type: 'STATUS_CHANGED' },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const history = new Map<string, string[]>();
  for (const event of statusEvents)
    history.set(event.interviewId, [
      ...(history.get(event.interviewId) ?? []),
      `${event.occurredAt.toISOString()} ${event.summary}`,
    ]);
  const headers = [
    'Company',
    'Role',
    'Round',
    'Start (local)',
    'Time zone',
    'Start (UTC)',
    'Duration (min)',
    'Format',
    'Status',
    'Address',
    'Meeting link',
    'Contact',
    'Contact email',
    'Contact phone',
    'Travel (min)',
    'Buffer (min)',
    'Notes',
    'Status history',
    'Added',
  ];
  const rows = interviews.map((row) => [
    row.company,
    row.roleTitle,
    row.roundLabel,
    formatInZone(row.scheduledStart, row.timeZone, { dateStyle: 'medium', timeStyle: 'short' }),
    row.timeZone,
    row.scheduledStart,
    row.durationMinutes,
    FORMAT_LABELS[row.format],
    INTERVIEW_STATUS_LABELS[row.status],
    row.location,
    row.meetingUrl,
    row.contactName,
    row.contactEmail,
    row.contactPhone,
    row.travelMinutes,
    row.bufferMinutes,
    row.notes,
    (history.get(row.id) ?? []).join('\n'),
    row.createdAt,
  ]);
  return toCsv(headers, rows);
}

/** Interviews with starts shared by seven at a time, so equal starts straddle every batch boundary. */
function interviewRows(
  userId: string,
  applicationId: string,
  count: number,
  company: (index: number) => string,
): Prisma.InterviewCreateManyInput[] {
  return Array.from({ length: count }, (_, index) => ({
    userId,
    applicationId,
    company: company(index),
    roleTitle: index % 11 === 0 ? '=cmd|" /C calc"!A0' : 'Backend Engineer',
    roundLabel: index % 3 === 0 ? null : `Round ${index % 4}`,
    scheduledStart: new Date(BASE + Math.floor(index / 7) * HOUR_MS),
    durationMinutes: 30 + (index % 4) * 15,
    timeZone: ZONES[index % ZONES.length] ?? 'UTC',
    format: FORMATS[index % FORMATS.length] ?? 'VIDEO',
    status: STATUSES[index % STATUSES.length] ?? 'SCHEDULED',
    location: index % 3 === 1 ? '1 High Street, London' : null,
    meetingUrl: index % 3 === 0 ? 'https://meet.example.com/x' : null,
    contactName: index % 5 === 0 ? "O'Neil, Pat" : null,
    notes: index % 4 === 0 ? `Ask about "on-call",\nline two ${index}\r\n-3 + 4` : null,
    travelMinutes: index % 3 === 1 ? 40 : null,
    bufferMinutes: index % 3 === 1 ? 10 : null,
  }));
}

async function seedOwner(): Promise<{ id: string; sessionVersion: number }> {
  const db = getDb();
  const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
  const [application, othersApplication] = await Promise.all([
    createTestApplication(user.id),
    createTestApplication(other.id, { company: 'Not mine' }),
  ]);
  await db.interview.createMany({ data: interviewRows(user.id, application.id, INTERVIEWS, companyOf) });
  // Another user's interviews at the very same times: never in the owner's file.
  await db.interview.createMany({ data: interviewRows(other.id, othersApplication.id, 600, () => 'Not mine') });
  const idsOf = (userId: string) =>
    db.interview.findMany({
      where: { userId },
      orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
  const mine = await idsOf(user.id);
  const theirs = await idsOf(other.id);
  // Status histories (two changes at the same instant for some) and events that are not status changes.
  const events = (userId: string, ids: { id: string }[]): Prisma.ActivityEventCreateManyInput[] =>
    ids.flatMap(({ id }, index) => {
      if (index % 4 !== 0) return [];
      const at = new Date(BASE - (index % 9) * HOUR_MS);
      return [
        { userId, interviewId: id, type: 'CREATED' as const, summary: 'Interview added', occurredAt: at },
        { userId, interviewId: id, type: 'STATUS_CHANGED' as const, summary: 'Scheduled → Completed', occurredAt: at },
        ...(index % 8 === 0
          ? [
              {
                userId,
                interviewId: id,
                type: 'STATUS_CHANGED' as const,
                summary: 'Completed → Missed',
                occurredAt: at,
              },
            ]
          : []),
      ];
    });
  await db.activityEvent.createMany({ data: [...events(user.id, mine), ...events(other.id, theirs)] });
  return user;
}

/** Reads a response body chunk by chunk, as a browser saving the download would. */
async function readChunks(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array[]> {
  if (!body) throw new Error('no body');
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

/** Sessions of this database that are inside a transaction right now, other than the asking one. */
async function openTransactions(): Promise<{ pid: number; state: string }[]> {
  const { rows } = await admin.query<{ pid: number; state: string }>(
    'SELECT pid, state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL',
  );
  return rows;
}

/** Until the check passes, for states another process reaches (a batch read finishing). */
async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const value = await read();
    if (isDone(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the database never reached the expected state');
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL ?? '' });
  await admin.connect();
  const started = await startRelayFor(process.env.DATABASE_URL ?? '');
  relay = started.relay;
  // Before the app's client exists: it reads the URL once, on first use.
  process.env.DATABASE_URL = started.url;
  owner = await seedOwner();
});

afterAll(async () => {
  await getDb().$disconnect();
  await relay.close();
  await admin.end();
});

describe('the streamed CSV export', () => {
  it('sends every interview exactly once, in start order, in several chunks, the same file as building it at once', async () => {
    signInAs(owner);
    const response = await exportCsvGet(new Request(EXPORT_URL));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rebound-interviews-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(response.headers.get('content-length')).toBeNull();
    const chunks = await readChunks(response.body);
    // One chunk per batch of 500: three for 1,203 interviews.
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const text = Buffer.concat(chunks).toString('utf8');

    expect(text).toBe(await buildMaterialisedCsv(owner.id));
    const rows = csvRows(text);
    expect(rows.map((row) => row.Company)).toEqual(Array.from({ length: INTERVIEWS }, (_, index) => companyOf(index)));
    expect(text).not.toContain('Not mine');
    expect(rows.filter((row) => row['Status history'] !== '')).toHaveLength(Math.ceil(INTERVIEWS / 4));
  });

  it('reads no more once the download is cancelled, and its transaction ends', async () => {
    signInAs(owner);
    // The session row exists after a first request; from then on each request reads the same.
    await readChunks((await exportCsvGet(new Request(EXPORT_URL))).body);
    const beforeFull = relay.count;
    await readChunks((await exportCsvGet(new Request(EXPORT_URL))).body);
    const fullExport = relay.count - beforeFull;

    const beforeCancelled = relay.count;
    const reader = (await exportCsvGet(new Request(EXPORT_URL))).body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    const cancelledExport = relay.count - beforeCancelled;

    // Of three batches, at most the one read ahead was read after the first.
    expect(cancelledExport).toBeLessThan(fullExport);
    expect(await openTransactions()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(relay.count - beforeCancelled).toBe(cancelledExport);
  });

  it('lets two downloads hold a snapshot at once; a third waits for one of them to end', async () => {
    signInAs(owner);
    const first = (await exportCsvGet(new Request(EXPORT_URL))).body!.getReader();
    const second = (await exportCsvGet(new Request(EXPORT_URL))).body!.getReader();
    let thirdOpened = false;
    const third = exportCsvGet(new Request(EXPORT_URL)).then((response) => {
      thirdOpened = true;
      return response;
    });
    await waitFor(
      async () => countSnapshots(),
      (count) => count.waiting === 1,
    );
    expect(countSnapshots()).toEqual({ open: 2, waiting: 1 });
    expect(await openTransactions()).toHaveLength(2);
    expect(thirdOpened).toBe(false);

    await first.cancel();
    const thirdReader = (await third).body!.getReader();
    expect(countSnapshots()).toEqual({ open: 2, waiting: 0 });
    await Promise.all([second.cancel(), thirdReader.cancel()]);
    expect(
      await waitFor(
        async () => countSnapshots(),
        (count) => count.open === 0,
      ),
    ).toEqual({ open: 0, waiting: 0 });
  });

  it('ends its transaction when the client leaves before the body is read', async () => {
    signInAs(owner);
    const client = new AbortController();
    // The response exists, with the first batch read, but the server will never read its body.
    const response = await exportCsvGet(new Request(EXPORT_URL, { signal: client.signal }));
    expect(response.status).toBe(200);
    expect(await openTransactions()).toHaveLength(1);

    client.abort();

    expect(await waitFor(openTransactions, (sessions) => sessions.length === 0)).toEqual([]);
  });

  it('breaks off the download, rather than ending it as if complete, when the database goes away part-way', async () => {
    signInAs(owner);
    const reader = (await exportCsvGet(new Request(EXPORT_URL))).body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The export waits for the reader inside its transaction; end that session from outside.
    const [waiting] = await waitFor(
      openTransactions,
      (sessions) => sessions.length === 1 && sessions[0]?.state === 'idle in transaction',
    );
    await admin.query('SELECT pg_terminate_backend($1)', [waiting?.pid]);

    const rest = (async () => {
      for (;;) if ((await reader.read()).done) return 'ended as if complete';
    })();
    await expect(rest).rejects.toThrow();
    expect(await openTransactions()).toEqual([]);
  });
});

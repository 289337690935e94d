import { randomUUID } from 'node:crypto';
import { startRelayFor, type startStatementCounter } from '@/bench/lib/statement-counter.mjs';
import { getDb } from '@/lib/db';
import type { Application } from '@/lib/generated/prisma/client';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import { listApplications, APPLICATIONS_PAGE_SIZE } from '@/lib/server/applications/list-applications';
import { loadApplicationPage } from '@/lib/server/pages/application';
import { loadApplicationsTablePage } from '@/lib/server/pages/applications-table';
import { loadEditApplicationPage, loadNewApplicationPage } from '@/lib/server/pages/application-form';
import { parseApplicationTableQuery, type ApplicationTableQuery } from '@/lib/validation/application';
import { ensureTestStages } from './support/factories';

// The table's filters, sorts and keyset pages, and the statement count of the table, the
// application page and the form pages, counted at the wire by the bench's relay.
const STATEMENT_BUDGET = 8;
const DAY_MS = 86_400_000;
const NOW = new Date('2026-12-01T12:00:00Z');

let relay: Awaited<ReturnType<typeof startStatementCounter>>;

beforeAll(async () => {
  const started = await startRelayFor(process.env.DATABASE_URL ?? '');
  relay = started.relay;
  process.env.DATABASE_URL = started.url;
});

afterAll(async () => {
  await getDb().$disconnect();
  await relay.close();
});

const SOURCES = ['JOB_BOARD', 'REFERRAL', 'COMPANY_SITE', 'RECRUITER', null] as const;

/** A user with `count` applications spread over stages, sources and dates, `roundsEach` rounds each, and contacts. */
async function seedUser(count: number, roundsEach: number) {
  const db = getDb();
  const user = await db.user.create({
    data: { email: `table-${randomUUID()}@example.test`, name: 'Table Tester', timeZone: 'Europe/London' },
  });
  const stages = await ensureTestStages(user.id);
  const open = stages.filter((stage) => stage.kind === 'OPEN');
  await db.application.createMany({
    data: Array.from({ length: count }, (_, index) => {
      const company = `Company ${String(index % 50).padStart(2, '0')}`;
      const roleTitle = `Role ${index}`;
      return {
        userId: user.id,
        company,
        roleTitle,
        matchKey: applicationMatchKey(company, roleTitle),
        stageId: open[index % open.length]!.id,
        source: SOURCES[index % SOURCES.length],
        // Every seventh without a date; the others a day apart, some on the same day.
        appliedOn: index % 7 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + Math.floor(index / 2))),
        updatedAt: new Date(NOW.getTime() - (index % 40) * DAY_MS),
      };
    }),
  });
  const applications = await db.application.findMany({
    where: { userId: user.id },
    select: { id: true, company: true },
  });
  await db.interview.createMany({
    data: applications.flatMap((application, index) =>
      Array.from({ length: roundsEach }, (_, round) => ({
        userId: user.id,
        applicationId: application.id,
        company: application.company,
        roleTitle: 'Engineer',
        roundLabel: `Round ${round + 1}`,
        scheduledStart: new Date(NOW.getTime() + (round - roundsEach / 2 + (index % 3)) * DAY_MS),
        timeZone: 'Europe/London',
        format: 'VIDEO' as const,
        meetingUrl: 'https://meet.example/x',
      })),
    ),
  });
  await db.applicationContact.createMany({
    data: applications.map((application) => ({ userId: user.id, applicationId: application.id, name: 'Dana' })),
  });
  const first = applications[0]!;
  const interviews = await db.interview.findMany({ where: { applicationId: first.id }, select: { id: true } });
  for (const interview of interviews.slice(0, 2)) {
    const incident = await db.missedIncident.create({
      data: { userId: user.id, interviewId: interview.id, reason: 'FORGOT' },
    });
    await db.message.create({
      data: {
        userId: user.id,
        incidentId: incident.id,
        interviewId: interview.id,
        kind: 'APOLOGY',
        channel: 'EMAIL',
        body: 'Sorry',
      },
    });
  }
  return { user: { id: user.id, timeZone: user.timeZone }, applicationId: first.id };
}

type Seeded = Awaited<ReturnType<typeof seedUser>>;

/** Every page of the table for a query, following the Next links. */
async function readAllPages(userId: string, query: ApplicationTableQuery) {
  const rows: Awaited<ReturnType<typeof listApplications>>['items'] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await listApplications(userId, { ...query, cursor }, NOW);
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('the pages never end');
}

describe('the applications table', () => {
  let seeded: Seeded;
  let all: Application[];

  beforeAll(async () => {
    seeded = await seedUser(120, 2);
    all = await getDb().application.findMany({ where: { userId: seeded.user.id } });
  }, 60_000);

  it.each([
    ['changed', undefined],
    ['changed', 'asc'],
    ['applied', undefined],
    ['applied', 'asc'],
    ['company', undefined],
    ['company', 'desc'],
  ] as const)('sorted by %s (%s): every application once across the keyset pages, in order', async (sort, dir) => {
    const rows = await readAllPages(seeded.user.id, parseApplicationTableQuery({ sort, dir }));
    expect(rows).toHaveLength(all.length);
    expect(new Set(rows.map((row) => row.id)).size).toBe(all.length);
    const direction = dir ?? (sort === 'company' ? 'asc' : 'desc');
    const key = (row: (typeof rows)[number]) =>
      sort === 'company'
        ? row.company
        : sort === 'changed'
          ? row.updatedAt.toISOString()
          : (row.appliedOn?.toISOString() ?? null);
    for (let index = 1; index < rows.length; index += 1) {
      const [a, b] = [key(rows[index - 1]!), key(rows[index]!)];
      if (a === b) continue;
      // Applications without a date come last whichever way.
      if (a === null) throw new Error('a row without a date came before one with a date');
      if (b === null) continue;
      // The seeded companies are ASCII, where the database's collation and JavaScript agree.
      expect(direction === 'asc' ? a < b : a > b).toBe(true);
    }
  });

  it('filters by stage, source, applied dates and a search over company and role', async () => {
    const stage = all[1]!.stageId;
    const byStage = await readAllPages(seeded.user.id, parseApplicationTableQuery({ stage }));
    expect(byStage.map((row) => row.id).sort()).toEqual(
      all
        .filter((row) => row.stageId === stage)
        .map((row) => row.id)
        .sort(),
    );
    const bySource = await readAllPages(seeded.user.id, parseApplicationTableQuery({ source: 'REFERRAL' }));
    expect(bySource).toHaveLength(all.filter((row) => row.source === 'REFERRAL').length);
    const byDates = await readAllPages(
      seeded.user.id,
      parseApplicationTableQuery({ from: '2026-01-05', to: '2026-01-10' }),
    );
    expect(byDates.length).toBeGreaterThan(0);
    expect(
      byDates.every(
        (row) => row.appliedOn && row.appliedOn >= new Date('2026-01-05') && row.appliedOn <= new Date('2026-01-10'),
      ),
    ).toBe(true);
    const search = await readAllPages(seeded.user.id, parseApplicationTableQuery({ q: 'role 11' }));
    expect(search.map((row) => row.roleTitle).sort()).toEqual([
      'Role 11',
      'Role 110',
      'Role 111',
      'Role 112',
      'Role 113',
      'Role 114',
      'Role 115',
      'Role 116',
      'Role 117',
      'Role 118',
      'Role 119',
    ]);
    expect(await readAllPages(seeded.user.id, parseApplicationTableQuery({ q: '%' }))).toEqual([]);
  });

  it('shows each application’s next scheduled round', async () => {
    const page = await listApplications(seeded.user.id, parseApplicationTableQuery({ sort: 'company' }), NOW);
    const withRound = page.items.filter((row) => row.nextRound);
    expect(withRound.length).toBeGreaterThan(0);
    for (const row of withRound) expect(row.nextRound!.scheduledStart >= NOW).toBe(true);
  });

  it('refuses nothing from the URL: bad values fall back, a forged cursor reads as the first page', async () => {
    const query = parseApplicationTableQuery({
      sort: 'nope',
      dir: 'sideways',
      source: 'SPAM',
      from: '2026-02-30',
      q: ['a', 'b'],
      stage: "'; DROP",
      cursor: 'not-base64!',
    });
    expect(query).toEqual({
      sort: 'changed',
      dir: undefined,
      stage: undefined,
      source: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
      cursor: 'not-base64!',
    });
    const page = await listApplications(seeded.user.id, query, NOW);
    expect(page.items).toHaveLength(APPLICATIONS_PAGE_SIZE);
    const forged = Buffer.from(JSON.stringify([{ evil: true }, 'x'])).toString('base64url');
    expect((await listApplications(seeded.user.id, { ...query, cursor: forged }, NOW)).items[0]?.id).toBe(
      page.items[0]?.id,
    );
  });

  it('never lists another user’s applications, even filtered by their stage', async () => {
    const other = await seedUser(3, 0);
    const stage = all[0]!.stageId;
    expect(await readAllPages(other.user.id, parseApplicationTableQuery({ stage }))).toEqual([]);
  });
});

describe('the statement budget of the applications pages', () => {
  let small: Seeded;
  let large: Seeded;

  const pages: Record<string, (seeded: Seeded) => Promise<unknown>> = {
    table: ({ user }) => loadApplicationsTablePage(user.id, parseApplicationTableQuery({}), NOW),
    'table, filtered and on a later page': async ({ user }) => {
      const first = await listApplications(user.id, parseApplicationTableQuery({ sort: 'applied' }), NOW);
      return loadApplicationsTablePage(
        user.id,
        parseApplicationTableQuery({ sort: 'applied', q: 'company', cursor: first.nextCursor ?? undefined }),
        NOW,
      );
    },
    application: ({ user, applicationId }) => loadApplicationPage(user, applicationId, NOW),
    'new application': ({ user }) => loadNewApplicationPage(user.id),
    'edit application': ({ user, applicationId }) => loadEditApplicationPage(user.id, applicationId),
  };

  beforeAll(async () => {
    small = await seedUser(10, 1);
    large = await seedUser(1000, 10);
    for (const load of Object.values(pages)) await Promise.all([load(small), load(large)]);
  }, 180_000);

  async function measure(seeded: Seeded, name: string): Promise<number> {
    if (name === 'table, filtered and on a later page') {
      const first = await listApplications(seeded.user.id, parseApplicationTableQuery({ sort: 'applied' }), NOW);
      const before = relay.count;
      await loadApplicationsTablePage(
        seeded.user.id,
        parseApplicationTableQuery({ sort: 'applied', q: 'company', cursor: first.nextCursor ?? undefined }),
        NOW,
      );
      return relay.count - before;
    }
    const before = relay.count;
    await pages[name]!(seeded);
    return relay.count - before;
  }

  it.each(Object.keys(pages))(
    '%s: the same count for 10 and for 1,000 applications, within the budget',
    async (name) => {
      const few = await measure(small, name);
      const many = await measure(large, name);
      expect({ name, statements: many }).toEqual({ name, statements: few });
      // The session read adds its own statements to a request; the loader keeps well inside the rest.
      expect(many).toBeLessThanOrEqual(STATEMENT_BUDGET - 2);
    },
  );
});

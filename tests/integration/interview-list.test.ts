import { getDb } from '@/lib/db';
import { decodeKeysetCursor, encodeKeysetCursor } from '@/lib/domain/keyset-cursor';
import { getDashboard, NEEDS_ANSWER_SHOWN, WEEK_AHEAD_SHOWN } from '@/lib/server/interviews/get-dashboard';
import { listInterviews, PAGE_SIZE, type InterviewListItem } from '@/lib/server/interviews/list-interviews';
import { interviewListQuerySchema, type InterviewListQuery } from '@/lib/validation/interview';
import { createTestUser } from './support/factories';
import { DAY_MS, HOUR_MS, insertInterviews } from './support/interview-fixtures';

const db = getDb();

afterAll(() => db.$disconnect());

// A fixed "now" keeps upcoming/past boundaries exact however long the test takes.
const NOW = new Date('2027-06-15T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

function query(overrides: Partial<InterviewListQuery> = {}): InterviewListQuery {
  return { view: 'upcoming', ...overrides };
}

/** Follows nextCursor to the end; returns every page's items. */
async function walkAllPages(userId: string, base: InterviewListQuery, now = NOW): Promise<InterviewListItem[][]> {
  const pages: InterviewListItem[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await listInterviews(userId, { ...base, cursor }, now);
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end after 100 pages');
}

type Keyed = { id: string; scheduledStart: Date };
const byStartThenId = (a: Keyed, b: Keyed) =>
  a.scheduledStart.getTime() - b.scheduledStart.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('listInterviews pagination', () => {
  // 60 interviews on 6 start times, 10 on each, inserted in shuffled order so ids do not
  // follow the start times: only the (scheduledStart, id) tie-break can keep the order total.
  async function seedEqualStarts(userId: string, offsets: number[]) {
    const rows = offsets.flatMap((offset, group) =>
      Array.from({ length: 10 }, (_unused, index) => ({
        scheduledStart: at(offset),
        company: `Group ${group} company ${index}`,
      })),
    );
    for (let index = rows.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(Math.random() * (index + 1));
      [rows[index], rows[swap]] = [rows[swap]!, rows[index]!];
    }
    await insertInterviews(userId, rows);
    return db.interview.findMany({ where: { userId }, select: { id: true, scheduledStart: true } });
  }

  it('walks upcoming interviews that share start times in (start, id) order, each exactly once', async () => {
    const user = await createTestUser();
    const stored = await seedEqualStarts(user.id, [DAY_MS, DAY_MS, 2 * DAY_MS, 3 * DAY_MS, 3 * DAY_MS + 1, 9 * DAY_MS]);

    const pages = await walkAllPages(user.id, query());

    expect(pages.map((page) => page.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 10]);
    const seen = pages.flat();
    expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);
    expect(seen.map((item) => item.id)).toEqual([...stored].sort(byStartThenId).map((item) => item.id));
  });

  it('walks past interviews that share start times newest first, each exactly once', async () => {
    const user = await createTestUser();
    const stored = await seedEqualStarts(user.id, [
      -DAY_MS,
      -DAY_MS,
      -2 * DAY_MS,
      -30 * DAY_MS,
      -30 * DAY_MS,
      -HOUR_MS,
    ]);

    const pages = await walkAllPages(user.id, query({ view: 'past' }));

    const seen = pages.flat();
    expect(seen).toHaveLength(60);
    expect(seen.map((item) => item.id)).toEqual(
      [...stored]
        .sort(byStartThenId)
        .reverse()
        .map((item) => item.id),
    );
  });

  it('a page boundary inside a group of equal start times neither repeats nor skips', async () => {
    const user = await createTestUser();
    // 40 interviews at one instant: page one ends in the middle of them.
    await insertInterviews(
      user.id,
      Array.from({ length: 40 }, () => ({ scheduledStart: at(DAY_MS) })),
    );

    const first = await listInterviews(user.id, query(), NOW);
    expect(first.nextCursor).not.toBeNull();
    expect(decodeKeysetCursor(first.nextCursor ?? undefined)).toEqual({ at: at(DAY_MS), id: first.items.at(-1)?.id });
    const second = await listInterviews(user.id, query({ cursor: first.nextCursor ?? undefined }), NOW);

    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(ids).toEqual([...ids].sort());
  });

  it('an interview added behind the cursor does not shift the pages after it', async () => {
    const user = await createTestUser();
    await insertInterviews(
      user.id,
      Array.from({ length: 30 }, (_unused, index) => ({ scheduledStart: at((index + 1) * HOUR_MS) })),
    );
    const first = await listInterviews(user.id, query(), NOW);

    await insertInterviews(user.id, [{ scheduledStart: at(30 * 60_000), company: 'Added while reading' }]);
    const second = await listInterviews(user.id, query({ cursor: first.nextCursor ?? undefined }), NOW);

    expect(second.items.map((item) => item.scheduledStart.getTime())).toEqual(
      Array.from({ length: 5 }, (_unused, index) => at((index + 26) * HOUR_MS).getTime()),
    );
  });

  it.each([
    ['a word', 'garbage'],
    ['punctuation', '!!!'],
    ['an unparseable date', Buffer.from('not-a-date|cabc').toString('base64url')],
    ['no id', Buffer.from('2027-06-16T12:00:00.000Z|').toString('base64url')],
    ['an over-long id', Buffer.from(`2027-06-16T12:00:00.000Z|${'c'.repeat(41)}`).toString('base64url')],
  ])('a cursor that is %s gives the first page', async (_label, cursor) => {
    const user = await createTestUser();
    await insertInterviews(
      user.id,
      Array.from({ length: 30 }, (_unused, index) => ({ scheduledStart: at((index + 1) * HOUR_MS) })),
    );

    const firstPage = await listInterviews(user.id, query(), NOW);
    const withGarbage = await listInterviews(user.id, query({ cursor }), NOW);

    expect(withGarbage.items.map((item) => item.id)).toEqual(firstPage.items.map((item) => item.id));
    expect(withGarbage.nextCursor).toBe(firstPage.nextCursor);
  });
});

describe('listInterviews views and filters', () => {
  it('upcoming is soonest first from now; past is most recent first before now', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      { scheduledStart: at(-3 * DAY_MS), company: 'Past 3d' },
      { scheduledStart: at(2 * DAY_MS), company: 'Future 2d' },
      { scheduledStart: at(-HOUR_MS), company: 'Past 1h' },
      { scheduledStart: at(0), company: 'Right now' },
      { scheduledStart: at(HOUR_MS), company: 'Future 1h' },
      { scheduledStart: at(-DAY_MS), company: 'Past 1d' },
    ]);

    const upcoming = await listInterviews(user.id, query({ view: 'upcoming' }), NOW);
    const past = await listInterviews(user.id, query({ view: 'past' }), NOW);

    expect(upcoming.items.map((item) => item.company)).toEqual(['Right now', 'Future 1h', 'Future 2d']);
    expect(past.items.map((item) => item.company)).toEqual(['Past 1h', 'Past 1d', 'Past 3d']);
    expect(upcoming.nextCursor).toBeNull();
  });

  it('the status view shows only that status, most recent first, past and future alike', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      { scheduledStart: at(-2 * DAY_MS), status: 'CANCELLED', company: 'Cancelled past' },
      { scheduledStart: at(2 * DAY_MS), status: 'CANCELLED', company: 'Cancelled future' },
      { scheduledStart: at(DAY_MS), status: 'SCHEDULED', company: 'Scheduled' },
      { scheduledStart: at(-DAY_MS), status: 'COMPLETED', company: 'Completed' },
    ]);

    const cancelled = await listInterviews(user.id, query({ view: 'status', status: 'CANCELLED' }), NOW);
    const everything = await listInterviews(user.id, query({ view: 'status' }), NOW);

    expect(cancelled.items.map((item) => item.company)).toEqual(['Cancelled future', 'Cancelled past']);
    expect(everything.items).toHaveLength(4);
  });

  it('search matches company or role, ignoring case, and nothing else', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      { scheduledStart: at(DAY_MS), company: 'ACME Corporation', roleTitle: 'Designer' },
      { scheduledStart: at(2 * DAY_MS), company: 'Globex', roleTitle: 'Acme Integrations Lead' },
      { scheduledStart: at(3 * DAY_MS), company: 'Initech', roleTitle: 'Data ENGINEER' },
      { scheduledStart: at(4 * DAY_MS), company: 'Umbrella', roleTitle: 'Designer' },
    ]);

    const companies = async (q: string) =>
      (await listInterviews(user.id, query({ q }), NOW)).items.map((item) => item.company);

    expect(await companies('acme')).toEqual(['ACME Corporation', 'Globex']);
    expect(await companies('engineer')).toEqual(['Initech']);
    expect(await companies('DESIGN')).toEqual(['ACME Corporation', 'Umbrella']);
    expect(await companies('nobody')).toEqual([]);
  });

  it('search treats % and _ as the characters they are', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      { scheduledStart: at(DAY_MS), company: '100% Remote Ltd' },
      { scheduledStart: at(2 * DAY_MS), company: '100 Percent Ltd' },
      { scheduledStart: at(3 * DAY_MS), company: 'snake_case Inc' },
      { scheduledStart: at(4 * DAY_MS), company: 'snakeXcase Inc' },
    ]);
    const companies = async (q: string) =>
      (await listInterviews(user.id, query({ q }), NOW)).items.map((item) => item.company);
    expect(await companies('100%')).toEqual(['100% Remote Ltd']);
    expect(await companies('snake_case')).toEqual(['snake_case Inc']);
  });

  it('search and paging work together', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      ...Array.from({ length: 30 }, (_unused, index) => ({
        scheduledStart: at((index + 1) * HOUR_MS),
        company: `Hooli ${index}`,
      })),
      ...Array.from({ length: 30 }, (_unused, index) => ({
        scheduledStart: at((index + 1) * HOUR_MS),
        company: `Pied Piper ${index}`,
      })),
    ]);
    const pages = await walkAllPages(user.id, query({ q: 'hooli' }));
    expect(pages.map((page) => page.length)).toEqual([25, 5]);
    expect(pages.flat().every((item) => item.company.startsWith('Hooli'))).toBe(true);
  });

  it('list filters from the URL fall back to defaults instead of failing', () => {
    expect(interviewListQuerySchema.parse({ view: 'everything', status: 'LOST', cursor: 'x'.repeat(500) })).toEqual({
      view: 'upcoming',
      status: undefined,
      q: undefined,
      cursor: undefined,
    });
  });

  it("never shows another user's interviews, in any view, search or with their cursor", async () => {
    const [owner, other] = await Promise.all([createTestUser(), createTestUser()]);
    await insertInterviews(
      owner.id,
      Array.from({ length: 30 }, (_unused, index) => ({
        scheduledStart: at((index - 15) * HOUR_MS),
        company: `Shared name ${index}`,
      })),
    );
    await insertInterviews(other.id, [{ scheduledStart: at(DAY_MS), company: 'Shared name of mine' }]);
    const ownersFirstPage = await listInterviews(owner.id, query(), NOW);

    const queries: InterviewListQuery[] = [
      query(),
      query({ view: 'past' }),
      query({ view: 'status' }),
      query({ view: 'status', status: 'SCHEDULED' }),
      query({ q: 'shared' }),
      query({ cursor: ownersFirstPage.nextCursor ?? encodeKeysetCursor({ at: at(-DAY_MS), id: 'a' }) }),
      query({ view: 'past', cursor: encodeKeysetCursor({ at: at(DAY_MS), id: 'z' }) }),
    ];
    const ownersIds = new Set(
      (await db.interview.findMany({ where: { userId: owner.id }, select: { id: true } })).map((row) => row.id),
    );
    for (const listQuery of queries) {
      const seen = (await listInterviews(other.id, listQuery, NOW)).items;
      expect(seen.filter((item) => ownersIds.has(item.id))).toEqual([]);
    }
    expect((await listInterviews(other.id, query({ q: 'shared' }), NOW)).items.map((item) => item.company)).toEqual([
      'Shared name of mine',
    ]);
  });
});

describe('getDashboard', () => {
  it('needs an answer once start + duration + 2 h has passed, and not before', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      // Ended 1 h ago, grace ended 30 min ago.
      { scheduledStart: at(-3.5 * HOUR_MS), durationMinutes: 60, company: 'Due 30 min ago' },
      // Exactly at the boundary.
      { scheduledStart: at(-3 * HOUR_MS), durationMinutes: 60, company: 'Due now' },
      // Ended 30 min ago: still inside the 2 h grace.
      { scheduledStart: at(-2.5 * HOUR_MS), durationMinutes: 60, company: 'Inside the grace' },
      // A four-hour assessment that started 5 h ago: due in an hour.
      { scheduledStart: at(-5 * HOUR_MS), durationMinutes: 240, company: 'Long and not due' },
      { scheduledStart: at(-10 * DAY_MS), durationMinutes: 45, company: 'Long overdue' },
      // An answer was given.
      { scheduledStart: at(-DAY_MS), status: 'COMPLETED', company: 'Answered' },
      { scheduledStart: at(-DAY_MS), status: 'MISSED', company: 'Answered missed' },
    ]);

    const { needsAnswer } = await getDashboard(user.id, NOW);

    expect(needsAnswer.map((item) => item.company)).toEqual(['Due now', 'Due 30 min ago', 'Long overdue']);
  });

  it('the week ahead holds scheduled interviews of the next 7 days, soonest first', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      { scheduledStart: at(6 * DAY_MS + 23 * HOUR_MS), company: 'Day 7' },
      { scheduledStart: at(HOUR_MS), company: 'In an hour' },
      { scheduledStart: at(7 * DAY_MS + 60_000), company: 'Beyond the week' },
      { scheduledStart: at(2 * DAY_MS), status: 'CANCELLED', company: 'Cancelled' },
      { scheduledStart: at(-HOUR_MS), company: 'Already started' },
    ]);

    const { weekAhead } = await getDashboard(user.id, NOW);

    expect(weekAhead.map((item) => item.company)).toEqual(['In an hour', 'Day 7']);
  });

  it('the next interview is the soonest scheduled one that has not started', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      { scheduledStart: at(30 * 60_000), status: 'CANCELLED', company: 'Cancelled sooner' },
      { scheduledStart: at(-30 * 60_000), company: 'Started already' },
      { scheduledStart: at(3 * HOUR_MS), company: 'Later' },
      { scheduledStart: at(2 * HOUR_MS), company: 'Next' },
    ]);

    expect((await getDashboard(user.id, NOW)).nextInterview?.company).toBe('Next');
  });

  it('shows a crowded week and a long backlog of check-ins in bounded cards that say there is more', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      ...Array.from({ length: WEEK_AHEAD_SHOWN + 3 }, (_, index) => ({
        scheduledStart: at((index + 1) * HOUR_MS),
        company: `Soon ${index + 1}`,
      })),
      ...Array.from({ length: NEEDS_ANSWER_SHOWN + 2 }, (_, index) => ({
        scheduledStart: at(-(index + 1) * DAY_MS),
        company: `Over ${index + 1}`,
      })),
    ]);

    const dashboard = await getDashboard(user.id, NOW);

    expect(dashboard.weekAhead.map((item) => item.company)).toEqual(
      Array.from({ length: WEEK_AHEAD_SHOWN }, (_, index) => `Soon ${index + 1}`),
    );
    expect(dashboard.moreThisWeek).toBe(true);
    expect(dashboard.needsAnswer.map((item) => item.company)).toEqual(
      Array.from({ length: NEEDS_ANSWER_SHOWN }, (_, index) => `Over ${index + 1}`),
    );
    expect(dashboard.moreNeedAnswer).toBe(true);
  });

  it('says nothing more when the week holds exactly what the card shows', async () => {
    const user = await createTestUser();
    await insertInterviews(user.id, [
      ...Array.from({ length: WEEK_AHEAD_SHOWN }, (_, index) => ({ scheduledStart: at((index + 1) * HOUR_MS) })),
      { scheduledStart: at(8 * DAY_MS), company: 'Next week' },
    ]);

    const dashboard = await getDashboard(user.id, NOW);

    expect(dashboard.weekAhead).toHaveLength(WEEK_AHEAD_SHOWN);
    expect(dashboard.moreThisWeek).toBe(false);
  });

  it('is empty for a new user, and shows nothing of anyone else', async () => {
    const [fresh, busy] = await Promise.all([createTestUser(), createTestUser()]);
    await insertInterviews(busy.id, [{ scheduledStart: at(HOUR_MS) }, { scheduledStart: at(-DAY_MS) }]);

    expect(await getDashboard(fresh.id, NOW)).toEqual({
      nextInterview: null,
      weekAhead: [],
      moreThisWeek: false,
      needsAnswer: [],
      moreNeedAnswer: false,
      noShowOffers: [],
    });
    const busyDashboard = await getDashboard(busy.id, NOW);
    expect(busyDashboard.weekAhead).toHaveLength(1);
    expect(busyDashboard.needsAnswer).toHaveLength(1);
  });
});

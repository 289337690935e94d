import { startRelayFor, type startStatementCounter } from '@/bench/lib/statement-counter.mjs';
import { getDb } from '@/lib/db';
import { getAppUrl } from '@/lib/request';
import { getCalendarFeedToken } from '@/lib/server/interviews/get-calendar-feed-token';
import { buildCalendarFeed } from '@/lib/server/interviews/write-calendar-feed';
import { parseCalendar } from '@/tests/support/ical';
import { createTestUser } from './support/factories';
import { DAY_MS, insertInterviews } from './support/interview-fixtures';

// The feed leaves out the slots a reschedule replaced within its one query of interviews: the
// same statements, counted at the wire by the bench's relay, for one chain and for a hundred.
const FEED_STATEMENTS = 3;

let relay: Awaited<ReturnType<typeof startStatementCounter>>;

beforeAll(async () => {
  // The relay goes in front of the database before the app's client is first created.
  const started = await startRelayFor(process.env.DATABASE_URL ?? '');
  relay = started.relay;
  process.env.DATABASE_URL = started.url;
});

afterAll(async () => {
  await getDb().$disconnect();
  await relay.close();
});

/** A user whose interviews are `chains` meetings, each moved twice: three slots apiece. */
async function seedChains(chains: number) {
  const user = await createTestUser({ timeZone: 'UTC' });
  const slots = Array.from({ length: chains * 3 }, (_, index) => ({
    id: `feed-${user.id}-${index}`,
    scheduledStart: new Date(Date.now() + (1 + index / 10) * DAY_MS),
  }));
  await insertInterviews(user.id, slots);
  const db = getDb();
  for (let chain = 0; chain < chains; chain += 1) {
    const [first, second, third] = slots.slice(chain * 3, chain * 3 + 3).map((slot) => slot.id);
    await db.interview.updateMany({
      where: { id: { in: [first!, second!] } },
      data: { status: 'RESCHEDULED', calendarSequence: 1 },
    });
    await db.interview.update({ where: { id: second }, data: { rescheduledFromId: first, calendarUid: first } });
    await db.interview.update({
      where: { id: third },
      data: { rescheduledFromId: second, calendarUid: first, calendarSequence: 2 },
    });
  }
  return getCalendarFeedToken(user.id);
}

async function measure(token: string) {
  const before = relay.count;
  const feed = await buildCalendarFeed(token, getAppUrl());
  return { statements: relay.count - before, events: parseCalendar(feed ?? '').events };
}

describe('the feed of rescheduled meetings', () => {
  it('sends one event per meeting in the same statements for 1 and for 100 chains', async () => {
    const [small, large] = [await seedChains(1), await seedChains(100)];
    await measure(small);

    const one = await measure(small);
    const many = await measure(large);

    expect(one.events).toHaveLength(1);
    expect(many.events).toHaveLength(100);
    expect(new Set(many.events.map((event) => event.uid)).size).toBe(100);
    expect(many.events.every((event) => event.sequence === 2 && event.status === 'CONFIRMED')).toBe(true);
    expect([one.statements, many.statements]).toEqual([FEED_STATEMENTS, FEED_STATEMENTS]);
  }, 60_000);
});

// "What will remind me, and when" on the real database: a silenced reminder stays silent through
// the sync that every edit runs, "remind me again an hour before" is one more row that moves with
// the interview, and another user's ids change nothing.
import { getDb } from '@/lib/db';
import { createInterview } from '@/lib/server/interviews/create-interview';
import { updateInterview } from '@/lib/server/interviews/update-interview';
import { loadInterviewPage } from '@/lib/server/pages/interview';
import {
  addHourBeforeReminder,
  silenceInterviewReminder,
  unsilenceInterviewReminder,
} from '@/lib/server/reminders/interview-reminder-choices';
import { createTestUser } from './support/factories';
import { interviewInput, parseInterviewForm } from './support/interview-fixtures';

const db = getDb();
// Well before the interviews below (10 March 2027, 10:00 in London, which is 10:00 UTC).
const NOW = new Date('2027-03-01T09:00:00Z');
const START = new Date('2027-03-10T10:00:00Z');
const MOVED_START = new Date('2027-03-12T15:30:00Z');

afterAll(async () => {
  await db.$disconnect();
});

async function setUp() {
  const user = await createTestUser({ timeZone: 'America/New_York' });
  const { id } = await createInterview(user.id, parseInterviewForm(interviewInput()));
  return { user, id };
}

function remindersOf(interviewId: string) {
  return db.reminder.findMany({
    where: { interviewId },
    orderBy: [{ dueAt: 'asc' }, { dedupeKey: 'asc' }],
    select: { id: true, kind: true, state: true, dueAt: true, dedupeKey: true, channels: true },
  });
}

const moveTo = (userId: string, id: string) =>
  updateInterview(
    userId,
    id,
    parseInterviewForm(interviewInput({ date: '2027-03-12', startTime: '15:30', endTime: '16:30' })),
  );

describe('silencing a reminder', () => {
  it('cancels it and keeps it silent when the interview is edited to another time', async () => {
    const { user, id } = await setUp();
    const before = await remindersOf(id);
    const leaveBy = before.find((row) => row.dedupeKey.startsWith('leave-by:'))!;
    expect(leaveBy.state).toBe('SCHEDULED');

    await silenceInterviewReminder(user.id, leaveBy.id, NOW);
    expect((await db.reminder.findUniqueOrThrow({ where: { id: leaveBy.id } })).state).toBe('CANCELLED');
    expect((await db.interview.findUniqueOrThrow({ where: { id } })).silencedReminders).toEqual(['leave-by']);
    // The others stay as they were.
    const others = (await remindersOf(id)).filter((row) => row.id !== leaveBy.id);
    expect(others).toEqual(before.filter((row) => row.id !== leaveBy.id));

    await moveTo(user.id, id);
    const after = await remindersOf(id);
    const scheduled = after.filter((row) => row.state === 'SCHEDULED');
    expect(scheduled.map((row) => row.dedupeKey.split(':')[0])).not.toContain('leave-by');
    expect(scheduled.length).toBeGreaterThan(0);
    expect(scheduled.every((row) => row.dedupeKey.endsWith(MOVED_START.toISOString()))).toBe(true);

    const page = await loadInterviewPage(user, id, NOW);
    expect(page.reminders.find((item) => item.label === 'Time to get going')).toBeUndefined();
    expect(page.reminders.every((item) => item.status === 'upcoming')).toBe(true);
  });

  it('shows the silenced one as silenced on the page, and silencing twice changes nothing more', async () => {
    const { user, id } = await setUp();
    const checkIn = (await remindersOf(id)).find((row) => row.dedupeKey.startsWith('check-in:'))!;
    await silenceInterviewReminder(user.id, checkIn.id, NOW);
    const once = await remindersOf(id);
    await silenceInterviewReminder(user.id, checkIn.id, NOW);
    expect(await remindersOf(id)).toEqual(once);
    expect((await db.interview.findUniqueOrThrow({ where: { id } })).silencedReminders).toEqual(['check-in']);
    const page = await loadInterviewPage(user, id, NOW);
    expect(page.reminders.find((item) => item.id === checkIn.id)?.status).toBe('silenced');
  });

  it("answers another user's reminder exactly like a missing one, and changes nothing", async () => {
    const { id } = await setUp();
    const attacker = await createTestUser();
    const rows = await remindersOf(id);
    const interviewBefore = await db.interview.findUniqueOrThrow({ where: { id } });
    await expect(silenceInterviewReminder(attacker.id, rows[0]!.id, NOW)).rejects.toThrow(
      'That reminder does not exist.',
    );
    await expect(addHourBeforeReminder(attacker.id, id, NOW)).rejects.toThrow('That interview does not exist.');
    expect(await remindersOf(id)).toEqual(rows);
    expect(await db.interview.findUniqueOrThrow({ where: { id } })).toEqual(interviewBefore);
  });
});

describe('turning a silenced reminder back on', () => {
  it('plans it again at its time, offers it on the page only while silenced, and it stays on after an edit', async () => {
    const { user, id } = await setUp();
    const leaveBy = (await remindersOf(id)).find((row) => row.dedupeKey.startsWith('leave-by:'))!;
    await silenceInterviewReminder(user.id, leaveBy.id, NOW);
    const silenced = await loadInterviewPage(user, id, NOW);
    expect(silenced.reminders.find((item) => item.id === leaveBy.id)).toMatchObject({
      status: 'silenced',
      canTurnBackOn: true,
    });

    await unsilenceInterviewReminder(user.id, leaveBy.id, NOW);
    expect(await db.reminder.findUniqueOrThrow({ where: { id: leaveBy.id } })).toMatchObject({
      state: 'SCHEDULED',
      dueAt: leaveBy.dueAt,
    });
    expect((await db.interview.findUniqueOrThrow({ where: { id } })).silencedReminders).toEqual([]);
    const page = await loadInterviewPage(user, id, NOW);
    expect(page.reminders.find((item) => item.id === leaveBy.id)).toMatchObject({
      status: 'upcoming',
      canTurnBackOn: false,
    });

    await moveTo(user.id, id);
    const moved = (await remindersOf(id)).filter(
      (row) => row.dedupeKey.startsWith('leave-by:') && row.state === 'SCHEDULED',
    );
    expect(moved.map((row) => row.dedupeKey.endsWith(MOVED_START.toISOString()))).toEqual([true]);
  });

  it('is refused once its moment has passed, and the reminder stays silenced', async () => {
    const { user, id } = await setUp();
    const leaveBy = (await remindersOf(id)).find((row) => row.dedupeKey.startsWith('leave-by:'))!;
    await silenceInterviewReminder(user.id, leaveBy.id, NOW);
    const afterStart = new Date(START.getTime() + 60_000);
    const page = await loadInterviewPage(user, id, afterStart);
    expect(page.reminders.find((item) => item.id === leaveBy.id)?.canTurnBackOn).toBe(false);
    await expect(unsilenceInterviewReminder(user.id, leaveBy.id, afterStart)).rejects.toThrow(/moment has passed/);
    expect((await db.interview.findUniqueOrThrow({ where: { id } })).silencedReminders).toEqual(['leave-by']);
    expect((await db.reminder.findUniqueOrThrow({ where: { id: leaveBy.id } })).state).toBe('CANCELLED');
  });

  it("answers another user's reminder exactly like a missing one, and changes nothing", async () => {
    const { user, id } = await setUp();
    const leaveBy = (await remindersOf(id)).find((row) => row.dedupeKey.startsWith('leave-by:'))!;
    await silenceInterviewReminder(user.id, leaveBy.id, NOW);
    const attacker = await createTestUser();
    const rows = await remindersOf(id);
    await expect(unsilenceInterviewReminder(attacker.id, leaveBy.id, NOW)).rejects.toThrow(
      'That reminder does not exist.',
    );
    expect(await remindersOf(id)).toEqual(rows);
    expect((await db.interview.findUniqueOrThrow({ where: { id } })).silencedReminders).toEqual(['leave-by']);
  });
});

describe('remind me again an hour before', () => {
  it('adds one reminder at the start minus an hour, once however often it is asked, and moves it with the interview', async () => {
    const { user, id } = await setUp();
    await Promise.all([addHourBeforeReminder(user.id, id, NOW), addHourBeforeReminder(user.id, id, NOW)]);
    const added = (await remindersOf(id)).filter((row) => row.dedupeKey.startsWith('hour-before:'));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: 'EXTRA', state: 'SCHEDULED', channels: ['PUSH', 'IN_APP'] });
    expect(added[0]!.dueAt).toEqual(new Date(START.getTime() - 60 * 60_000));

    const page = await loadInterviewPage(user, id, NOW);
    expect(page.reminders.find((item) => item.label === 'An hour before')).toMatchObject({ status: 'upcoming' });

    await moveTo(user.id, id);
    const after = (await remindersOf(id)).filter((row) => row.dedupeKey.startsWith('hour-before:'));
    expect(after.map((row) => [row.state, row.dueAt])).toEqual([
      ['CANCELLED', new Date(START.getTime() - 60 * 60_000)],
      ['SCHEDULED', new Date(MOVED_START.getTime() - 60 * 60_000)],
    ]);
  });

  it('is refused once that hour has passed, and nothing is written', async () => {
    const { user, id } = await setUp();
    const rows = await remindersOf(id);
    const tooLate = new Date(START.getTime() - 59 * 60_000);
    await expect(addHourBeforeReminder(user.id, id, tooLate)).rejects.toThrow(/already passed/);
    expect(await remindersOf(id)).toEqual(rows);
    expect((await db.interview.findUniqueOrThrow({ where: { id } })).hourBeforeReminder).toBe(false);
  });
});

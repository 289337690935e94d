import { getDb } from '@/lib/db';
import { countEmployerReschedules } from '@/lib/server/applications/count-employer-reschedules';
import { listTimeChanges } from '@/lib/server/interviews/list-time-changes';
import { rescheduleByEmployer } from '@/lib/server/interviews/reschedule-by-employer';
import { updateInterview } from '@/lib/server/interviews/update-interview';
import { loadApplicationPage } from '@/lib/server/pages/application';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';
import { createTestUser } from './support/factories';
import { createInterviewFromForm, interviewInput, parseInterviewForm } from './support/interview-fixtures';

// The reminders are the last write of every path: failing them shows the history row goes with the rest.
jest.mock('@/lib/server/reminders/sync-interview-reminders', () => {
  const actual = jest.requireActual('@/lib/server/reminders/sync-interview-reminders');
  return { ...actual, syncInterviewReminders: jest.fn(actual.syncInterviewReminders) };
});

const db = getDb();
const failReminders = () =>
  jest.mocked(syncInterviewReminders).mockRejectedValueOnce(new Error('The reminders could not be written.'));

afterAll(() => db.$disconnect());

describe("the user's own edit", () => {
  it('writes one row put down to the candidate, from the old slot to the new one', async () => {
    const user = await createTestUser();
    const before = await createInterviewFromForm(user.id);

    await updateInterview(
      user.id,
      before.id,
      parseInterviewForm(
        interviewInput({
          startTime: '14:00',
          endTime: '14:45',
          timeZone: 'Europe/Dublin',
          rescheduleReason: 'ILLNESS',
          rescheduleNote: 'A fever, moved with two days notice',
        }),
      ),
      before.updatedAt,
    );

    const moves = await db.interviewTimeChange.findMany({ where: { userId: user.id } });
    expect(moves).toEqual([
      expect.objectContaining({
        interviewId: before.id,
        requestedBy: 'CANDIDATE',
        reasonCategory: 'ILLNESS',
        reason: 'A fever, moved with two days notice',
        fromStart: new Date('2027-03-10T10:00:00.000Z'),
        toStart: new Date('2027-03-10T14:00:00.000Z'),
        fromDurationMinutes: 60,
        toDurationMinutes: 45,
        fromTimeZone: 'Europe/London',
        toTimeZone: 'Europe/Dublin',
      }),
    ]);
  });

  it('writes none when the time stays put', async () => {
    const user = await createTestUser();
    const before = await createInterviewFromForm(user.id);

    await updateInterview(
      user.id,
      before.id,
      parseInterviewForm(interviewInput({ company: 'Globex' })),
      before.updatedAt,
    );

    expect(await db.interviewTimeChange.count({ where: { userId: user.id } })).toBe(0);
  });

  it('leaves no row when the rest of the save fails', async () => {
    const user = await createTestUser();
    const before = await createInterviewFromForm(user.id);
    failReminders();

    await expect(
      updateInterview(user.id, before.id, parseInterviewForm(interviewInput({ startTime: '15:00', endTime: '16:00' }))),
    ).rejects.toThrow('The reminders could not be written.');

    expect(await db.interviewTimeChange.count({ where: { userId: user.id } })).toBe(0);
    const after = await db.interview.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.scheduledStart).toEqual(before.scheduledStart);
  });
});

describe("the employer's reschedule", () => {
  it('writes one row on the new interview, from the old slot', async () => {
    const user = await createTestUser();
    const old = await createInterviewFromForm(user.id);

    const { id: newId } = await rescheduleByEmployer(user.id, old.id, '2027-04-01', '14:00');

    const moves = await db.interviewTimeChange.findMany({ where: { userId: user.id } });
    expect(moves).toEqual([
      expect.objectContaining({
        interviewId: newId,
        requestedBy: 'EMPLOYER',
        reasonCategory: 'EMPLOYER_REQUEST',
        fromStart: old.scheduledStart,
        toStart: new Date('2027-04-01T13:00:00.000Z'),
        fromTimeZone: 'Europe/London',
        toTimeZone: 'Europe/London',
        fromDurationMinutes: 60,
        toDurationMinutes: 60,
      }),
    ]);
  });

  it('leaves no row and no new interview when the rest of the reschedule fails', async () => {
    const user = await createTestUser();
    const old = await createInterviewFromForm(user.id);
    failReminders();

    await expect(rescheduleByEmployer(user.id, old.id, '2027-04-01', '14:00')).rejects.toThrow(
      'The reminders could not be written.',
    );

    expect(await db.interviewTimeChange.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(1);
  });

  it("shows the new slot the old one's earlier moves too, oldest first, and another user none", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const first = await createInterviewFromForm(user.id);
    await updateInterview(
      user.id,
      first.id,
      parseInterviewForm(interviewInput({ startTime: '11:00', endTime: '12:00' })),
      first.updatedAt,
    );
    const { id: second } = await rescheduleByEmployer(user.id, first.id, '2027-04-01', '14:00');
    const { id: third } = await rescheduleByEmployer(user.id, second, '2027-04-08', '09:00');

    const history = await listTimeChanges(user.id, third);

    expect(history.map((move) => [move.requestedBy, move.fromStart.toISOString(), move.toStart.toISOString()])).toEqual(
      [
        ['CANDIDATE', '2027-03-10T10:00:00.000Z', '2027-03-10T11:00:00.000Z'],
        ['EMPLOYER', '2027-03-10T11:00:00.000Z', '2027-04-01T13:00:00.000Z'],
        ['EMPLOYER', '2027-04-01T13:00:00.000Z', '2027-04-08T08:00:00.000Z'],
      ],
    );
    // The older slot sees only what came before it.
    expect(await listTimeChanges(user.id, first.id)).toHaveLength(1);
    expect(await listTimeChanges(other.id, third)).toEqual([]);
  });
});

describe("the application's record of the employer", () => {
  it('counts the moves by the employer and by their invitations over all its rounds, not the candidate’s', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const first = await createInterviewFromForm(user.id);
    await updateInterview(
      user.id,
      first.id,
      parseInterviewForm(interviewInput({ startTime: '11:00', endTime: '12:00' })),
      first.updatedAt,
    );
    const { id: second } = await rescheduleByEmployer(user.id, first.id, '2027-04-01', '14:00');
    await rescheduleByEmployer(user.id, second, '2027-04-08', '09:00');
    const slot = { fromStart: first.scheduledStart, toStart: first.scheduledStart, fromDurationMinutes: 60 };
    await db.interviewTimeChange.create({
      data: {
        ...slot,
        userId: user.id,
        interviewId: second,
        requestedBy: 'INVITATION',
        toDurationMinutes: 60,
        fromTimeZone: 'Europe/London',
        toTimeZone: 'Europe/London',
      },
    });
    // Another application of the same user moved by the employer stays out of this count.
    const elsewhere = await createInterviewFromForm(user.id, { company: 'Globex', roleTitle: 'Data Engineer' });
    await rescheduleByEmployer(user.id, elsewhere.id, '2027-05-01', '10:00');

    expect(await countEmployerReschedules(user.id, first.applicationId)).toBe(3);
    expect(await countEmployerReschedules(other.id, first.applicationId)).toBe(0);
    const page = await loadApplicationPage({ id: user.id, timeZone: 'Europe/London' }, first.applicationId);
    expect(page.employerReschedules).toBe(3);
  });
});

import { getDb } from '@/lib/db';
import { createTestInterview, createTestUser } from './support/factories';

const db = getDb();

afterAll(() => db.$disconnect());

async function seedRecovery(userId: string) {
  const interview = await createTestInterview(userId);
  const incident = await db.missedIncident.create({
    data: { userId, interviewId: interview.id, reason: 'TRAFFIC_TRANSPORT', explanation: 'Train cancelled' },
  });
  const replacement = await createTestInterview(userId, { company: 'Acme Ltd (rescheduled)' });
  await db.interview.update({ where: { id: replacement.id }, data: { rescheduledFromId: interview.id } });
  await db.rescheduleRequest.create({
    data: { userId, incidentId: incident.id, channel: 'EMAIL', status: 'ACCEPTED', newInterviewId: replacement.id },
  });
  const message = await db.message.create({
    data: {
      userId,
      incidentId: incident.id,
      interviewId: interview.id,
      kind: 'APOLOGY',
      channel: 'EMAIL',
      body: 'I am sorry.',
    },
  });
  await db.messageRevision.create({ data: { messageId: message.id, body: 'I am sorry.' } });
  await db.recoveryStep.create({ data: { userId, incidentId: incident.id, step: 'CALL', status: 'DONE' } });
  const lesson = await db.lesson.create({
    data: {
      userId,
      incidentId: incident.id,
      rootCause: 'TRAFFIC_TRANSPORT',
      whatHappened: 'Left too late',
      actions: { create: [{ text: 'Leave 30 minutes earlier', position: 0 }] },
    },
  });
  await db.activityEvent.create({
    data: { userId, interviewId: interview.id, type: 'INCIDENT_OPENED', summary: 'Marked as missed' },
  });
  return { interview, incident, replacement, message, lesson };
}

describe('data model', () => {
  it('deleting an interview removes its incidents, requests, messages and timeline but keeps the lesson', async () => {
    const user = await createTestUser();
    const { interview, incident, replacement, message, lesson } = await seedRecovery(user.id);

    await db.interview.delete({ where: { id: interview.id } });

    expect(await db.missedIncident.count({ where: { id: incident.id } })).toBe(0);
    expect(await db.rescheduleRequest.count({ where: { incidentId: incident.id } })).toBe(0);
    expect(await db.message.count({ where: { id: message.id } })).toBe(0);
    expect(await db.messageRevision.count({ where: { messageId: message.id } })).toBe(0);
    expect(await db.recoveryStep.count({ where: { incidentId: incident.id } })).toBe(0);
    expect(await db.activityEvent.count({ where: { interviewId: interview.id } })).toBe(0);
    // The rescheduled interview survives on its own; only its back-link is cleared.
    expect(await db.interview.findUnique({ where: { id: replacement.id } })).toMatchObject({ rescheduledFromId: null });
    const keptLesson = await db.lesson.findUnique({ where: { id: lesson.id }, include: { actions: true } });
    expect(keptLesson).toMatchObject({ incidentId: null, whatHappened: 'Left too late' });
    expect(keptLesson?.actions).toHaveLength(1);
  });

  it('deleting a user removes every row that belongs to them and nothing of anyone else', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await seedRecovery(user.id);
    const othersData = await seedRecovery(other.id);

    await db.user.delete({ where: { id: user.id } });

    const counts = await Promise.all([
      db.interview.count({ where: { userId: user.id } }),
      db.missedIncident.count({ where: { userId: user.id } }),
      db.rescheduleRequest.count({ where: { userId: user.id } }),
      db.message.count({ where: { userId: user.id } }),
      db.lesson.count({ where: { userId: user.id } }),
      db.recoveryStep.count({ where: { userId: user.id } }),
      db.activityEvent.count({ where: { userId: user.id } }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await db.interview.count({ where: { userId: other.id } })).toBe(2);
    expect(await db.lesson.findUnique({ where: { id: othersData.lesson.id } })).not.toBeNull();
  });

  it('refuses a second account with the same email', async () => {
    const user = await createTestUser();
    await expect(createTestUser({ email: user.email })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('stores the scheduled start as an instant (timestamptz), whatever the session time zone', async () => {
    const user = await createTestUser();
    const start = new Date('2026-03-29T00:30:00.000Z');
    const interview = await createTestInterview(user.id, { scheduledStart: start });
    const [row] = await db.$queryRaw<{ iso: string }[]>`
      SELECT to_char("scheduledStart" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS iso
      FROM "Interview" WHERE id = ${interview.id}`;
    expect(row?.iso).toBe('2026-03-29T00:30:00');
  });
});

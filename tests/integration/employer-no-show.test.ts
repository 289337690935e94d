import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { addBusinessDays } from '@/lib/domain/business-days';
import * as templates from '@/lib/domain/message-templates';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { countEmployerRecord } from '@/lib/server/applications/count-employer-record';
import { getDashboard } from '@/lib/server/interviews/get-dashboard';
import { recordNoShowOutcome } from '@/lib/server/recovery/record-no-show-outcome';
import { resolveNoShowCheck } from '@/lib/server/recovery/resolve-no-show-check';
import { saveLesson } from '@/lib/server/recovery/save-lesson';
import { startNoShow } from '@/lib/server/recovery/start-no-show';
import { createTestInterview, createTestUser } from './support/factories';

// A pass-through spy, so one test can make a draft fail halfway through the transaction.
jest.mock('@/lib/domain/message-templates', () => {
  const actual = jest.requireActual<typeof templates>('@/lib/domain/message-templates');
  return { ...actual, draftMessage: jest.fn(actual.draftMessage) };
});

jest.setTimeout(20_000);

const db = getDb();
const MINUTE = 60_000;

afterAll(() => db.$disconnect());

/** A scheduled interview that started `minutesAgo` minutes ago, with a contact to write to. */
async function createStartedInterview(minutesAgo = 10) {
  const user = await createTestUser({ name: 'Sam Carter', timeZone: 'America/New_York' });
  const interview = await createTestInterview(user.id, {
    scheduledStart: new Date(Date.now() - minutesAgo * MINUTE),
  });
  await db.interview.update({
    where: { id: interview.id },
    data: {
      timeZone: 'America/New_York',
      format: 'VIDEO',
      location: null,
      meetingUrl: 'https://meet.example.com/abc',
      contactName: 'Priya Shah',
      contactEmail: 'priya@acme.test',
      contactPhone: '+1 212 555 0100',
    },
  });
  return { user, interview };
}

async function openNoShow() {
  const scenario = await createStartedInterview();
  const { incidentId } = await startNoShow(scenario.user.id, {
    interviewId: scenario.interview.id,
    idempotencyKey: randomUUID(),
  });
  return { ...scenario, incidentId };
}

async function snapshot(userId: string) {
  const [incidents, interviews, messages, events, steps, requests, timeChanges, reminders] = await Promise.all([
    db.missedIncident.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    db.interview.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    db.message.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    db.activityEvent.count({ where: { userId } }),
    db.recoveryStep.count({ where: { userId } }),
    db.rescheduleRequest.count({ where: { userId } }),
    db.interviewTimeChange.count({ where: { userId } }),
    db.reminder.findMany({ where: { userId }, orderBy: { id: 'asc' }, select: { id: true, state: true, dueAt: true } }),
  ]);
  return { incidents, interviews, messages, events, steps, requests, timeChanges, reminders };
}

describe('starting the employer’s no-show', () => {
  it('opens one incident at the checks with the note drafted, and leaves the interview scheduled', async () => {
    const { user, interview } = await createStartedInterview();
    const result = await startNoShow(user.id, { interviewId: interview.id, idempotencyKey: randomUUID() });

    expect(result.created).toBe(true);
    const incident = await db.missedIncident.findUniqueOrThrow({ where: { id: result.incidentId } });
    expect(incident).toMatchObject({ kind: 'EMPLOYER_NO_SHOW', recoveryState: 'CHECK', outcome: null });
    const note = await db.message.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect(note).toMatchObject({ kind: 'NO_SHOW_CHECK_IN', channel: 'EMAIL', recipient: 'priya@acme.test' });
    expect(note.body).toContain('https://meet.example.com/abc');
    expect(note.body).not.toMatch(/sorry|apolog/i);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('SCHEDULED');
  });

  it('gives one incident for a double click and for two tabs at once', async () => {
    const { user, interview } = await createStartedInterview();
    const key = randomUUID();
    const first = await startNoShow(user.id, { interviewId: interview.id, idempotencyKey: key });
    const again = await startNoShow(user.id, { interviewId: interview.id, idempotencyKey: key });
    expect(again).toEqual({ incidentId: first.incidentId, created: false });

    const other = await createStartedInterview();
    const tabs = await Promise.all(
      [randomUUID(), randomUUID(), randomUUID()].map((idempotencyKey) =>
        startNoShow(other.user.id, { interviewId: other.interview.id, idempotencyKey }),
      ),
    );
    expect(new Set(tabs.map((tab) => tab.incidentId)).size).toBe(1);
    expect(tabs.filter((tab) => tab.created)).toHaveLength(1);
    expect(await db.missedIncident.count({ where: { userId: other.user.id } })).toBe(1);
    expect(await db.message.count({ where: { userId: other.user.id } })).toBe(1);
  });

  it('is offered on the dashboard from five minutes after the start until a recovery is open', async () => {
    const { user, interview } = await createStartedInterview();
    const early = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 2 * MINUTE) });
    const offered = (await getDashboard(user.id)).noShowOffers.map((item) => item.id);
    expect(offered).toContain(interview.id);
    expect(offered).not.toContain(early.id);
    await startNoShow(user.id, { interviewId: interview.id, idempotencyKey: randomUUID() });
    expect((await getDashboard(user.id)).noShowOffers.map((item) => item.id)).not.toContain(interview.id);
  });

  it('is refused before five minutes have passed, writing nothing', async () => {
    const { user, interview } = await createStartedInterview(2);
    await expect(startNoShow(user.id, { interviewId: interview.id, idempotencyKey: randomUUID() })).rejects.toThrow(
      ValidationError,
    );
    expect(await db.missedIncident.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.message.count({ where: { userId: user.id } })).toBe(0);
  });

  it('answers another user’s interview and incident exactly like missing ones', async () => {
    const { incidentId, interview } = await openNoShow();
    const mallory = await createTestUser();
    const before = await snapshot(interview.userId);

    await expect(startNoShow(mallory.id, { interviewId: interview.id, idempotencyKey: randomUUID() })).rejects.toThrow(
      NotFoundError,
    );
    await expect(resolveNoShowCheck(mallory.id, { incidentId, finding: 'WRONG_TIME' })).rejects.toThrow(NotFoundError);
    await expect(recordNoShowOutcome(mallory.id, { incidentId, outcome: 'WITHDRAWN' })).rejects.toThrow(NotFoundError);
    expect(await snapshot(interview.userId)).toEqual(before);
  });
});

describe('the checks', () => {
  it('turn a wrong zone into the candidate’s own miss, in one transaction', async () => {
    const { user, interview, incidentId } = await openNoShow();

    const result = await resolveNoShowCheck(user.id, { incidentId, finding: 'WRONG_TIME' });

    expect(result).toEqual({ state: 'CALL', kind: 'MISSED' });
    expect(await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      kind: 'MISSED',
      reason: 'TIMEZONE_ERROR',
      recoveryState: 'CALL',
    });
    expect((await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('MISSED');
    const messages = await db.message.findMany({ where: { incidentId }, orderBy: { kind: 'asc' } });
    expect(messages.map((message) => [message.kind, message.dismissedAt !== null])).toEqual([
      ['CALL_SCRIPT', false],
      ['APOLOGY', false],
      ['NO_SHOW_CHECK_IN', true],
    ]);
  });

  it('leave nothing behind when the miss’s drafts fail halfway', async () => {
    const { user, incidentId } = await openNoShow();
    const before = await snapshot(user.id);
    const draftMessage = jest.mocked(templates.draftMessage);
    const actual = jest.requireActual<typeof templates>('@/lib/domain/message-templates');
    draftMessage.mockImplementationOnce(actual.draftMessage).mockImplementationOnce(() => {
      throw new Error('The template broke.');
    });

    await expect(resolveNoShowCheck(user.id, { incidentId, finding: 'WRONG_PLACE' })).rejects.toThrow(
      'The template broke.',
    );
    expect(await snapshot(user.id)).toEqual(before);
  });

  it('record a late start as attended late, the interview completed', async () => {
    const { user, interview, incidentId } = await openNoShow();
    expect(await resolveNoShowCheck(user.id, { incidentId, finding: 'JOINED_LATE' })).toEqual({
      state: 'LESSON',
      kind: 'EMPLOYER_NO_SHOW',
    });
    expect(await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      outcome: 'ATTENDED_LATE',
      recoveryState: 'LESSON',
    });
    expect((await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('COMPLETED');
  });
});

describe('the outcome', () => {
  async function waiting() {
    const opened = await openNoShow();
    await resolveNoShowCheck(opened.user.id, { incidentId: opened.incidentId, finding: 'ALL_CORRECT' });
    return opened;
  }

  it('moves a reschedule through the employer path: a time change put down to their no-show, reminders moved', async () => {
    const { user, interview, incidentId } = await waiting();
    const result = await recordNoShowOutcome(user.id, {
      incidentId,
      outcome: 'RESCHEDULED',
      date: '2030-01-15',
      time: '10:00',
    });

    expect(result.state).toBe('PREP');
    const newId = result.newInterviewId ?? '';
    const replacement = await db.interview.findUniqueOrThrow({ where: { id: newId } });
    expect(replacement).toMatchObject({ status: 'SCHEDULED', rescheduledFromId: interview.id });
    expect(replacement.scheduledStart).toEqual(new Date('2030-01-15T15:00:00Z'));
    expect((await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('RESCHEDULED');
    const change = await db.interviewTimeChange.findFirstOrThrow({ where: { interviewId: newId } });
    expect(change).toMatchObject({ requestedBy: 'EMPLOYER', reasonCategory: 'EMPLOYER_NO_SHOW' });
    expect(change.fromStart).toEqual(interview.scheduledStart);
    // The reminders follow the interview: the new one has its own, the old one none still due.
    expect(await db.reminder.count({ where: { interviewId: newId, state: 'SCHEDULED' } })).toBeGreaterThan(0);
    expect(await db.reminder.count({ where: { interviewId: interview.id, state: 'SCHEDULED' } })).toBe(0);
    const steps = await db.recoveryStep.findMany({ where: { incidentId }, orderBy: { completedAt: 'asc' } });
    expect(steps.map((step) => step.step).sort()).toEqual(['CHECK', 'OUTCOME', 'WAIT']);
    const prepNote = await db.message.findFirstOrThrow({ where: { incidentId, kind: 'PREP_NOTE' } });
    expect(prepNote.body).not.toMatch(/miss|no-show|did not show|sorry|apolog/i);
    expect(await countEmployerRecord(user.id, interview.applicationId)).toEqual({ reschedules: 1, noShows: 1 });
  });

  it('writes nothing for a new time in the past', async () => {
    const { user, incidentId } = await waiting();
    const before = await snapshot(user.id);
    await expect(
      recordNoShowOutcome(user.id, { incidentId, outcome: 'RESCHEDULED', date: '2020-01-15', time: '10:00' }),
    ).rejects.toThrow(ValidationError);
    expect(await snapshot(user.id)).toEqual(before);
  });

  it('plans the no-answer follow-up one business day later in the employer’s zone', async () => {
    const { user, incidentId } = await waiting();
    // Friday 17:00 in New York: one business day later is Monday at 17:00 there.
    const friday = new Date('2030-03-08T22:00:00Z');
    const result = await recordNoShowOutcome(user.id, { incidentId, outcome: 'NO_RESPONSE' }, friday);

    expect(result.state).toBe('OUTCOME');
    const nudge = await db.reminder.findFirstOrThrow({ where: { incidentId, kind: 'FOLLOW_UP_DUE' } });
    expect(nudge.state).toBe('SCHEDULED');
    expect(nudge.dueAt).toEqual(addBusinessDays(friday, 1, 'America/New_York'));
    expect(nudge.dueAt).toEqual(new Date('2030-03-11T21:00:00Z'));
  });

  it('withdraws the interview and keeps an optional lesson on the employer’s side', async () => {
    const { user, interview, incidentId } = await waiting();
    expect((await recordNoShowOutcome(user.id, { incidentId, outcome: 'WITHDRAWN' })).state).toBe('LESSON');
    expect((await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('WITHDRAWN');
    expect((await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId } })).outcome).toBe('WITHDRAWN');
    // The candidacy follows: the application is in the Withdrawn stage, with the move on its timeline.
    const application = await db.application.findUniqueOrThrow({
      where: { id: interview.applicationId },
      select: { closeReason: true, closedAt: true, stage: { select: { systemKey: true } } },
    });
    expect(application).toMatchObject({ closeReason: 'WITHDRAWN', stage: { systemKey: 'WITHDRAWN' } });
    expect(application.closedAt).not.toBeNull();
    const moves = await db.stageChange.findMany({
      where: { applicationId: interview.applicationId, toStageName: 'Withdrawn' },
      select: { note: true },
    });
    expect(moves).toEqual([{ note: 'Withdrew after they did not show up.' }]);

    const { lessonId } = await saveLesson(user.id, {
      incidentId,
      rootCause: 'OTHER',
      whatHappened: 'The interviewer never joined the call.',
      actions: [{ text: 'Confirm the link the day before.' }],
    });
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lessonId } })).toMatchObject({ side: 'EMPLOYER' });
    expect((await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId } })).recoveryState).toBe('CLOSED');
  });

  it('refuses an outcome before the checks and an outcome on the candidate’s own miss', async () => {
    const { user, incidentId } = await openNoShow();
    await expect(recordNoShowOutcome(user.id, { incidentId, outcome: 'WITHDRAWN' })).rejects.toThrow(ValidationError);
    await resolveNoShowCheck(user.id, { incidentId, finding: 'WRONG_TIME' });
    await expect(recordNoShowOutcome(user.id, { incidentId, outcome: 'WITHDRAWN' })).rejects.toThrow(
      'This outcome belongs to a no-show by the employer.',
    );
  });
});

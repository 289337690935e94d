import { randomUUID } from 'node:crypto';
import { startRecoveryAction } from '@/lib/actions/incidents';
import { getDb } from '@/lib/db';
import * as templates from '@/lib/domain/message-templates';
import { findPlaceholders } from '@/lib/domain/message-templates';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { getRecovery } from '@/lib/server/recovery/get-recovery';
import { listOpenRecoveries } from '@/lib/server/recovery/list-open-recoveries';
import { startRecovery } from '@/lib/server/recovery/start-recovery';
import { startRecoverySchema, type StartRecoveryInput } from '@/lib/validation/recovery';
import { createTestInterview, createTestUser } from './support/factories';
import { signInAs } from './support/session';

// A pass-through spy, so one test can make the second draft fail halfway through the transaction.
jest.mock('@/lib/domain/message-templates', () => {
  const actual = jest.requireActual<typeof templates>('@/lib/domain/message-templates');
  return { ...actual, draftMessage: jest.fn(actual.draftMessage) };
});
// The input checks are the action's (its schema's); that test runs the action as the user.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

// Each test drives several transactions (and an SMTP round trip); on a machine busy with other
// builds the default 5 s can run out before anything is wrong.
jest.setTimeout(20_000);

const db = getDb();
const HOUR = 3_600_000;

afterAll(() => db.$disconnect());

async function createMissedScenario(options: { withContact?: boolean; startsInMs?: number } = {}) {
  const user = await createTestUser({ name: 'Sam Carter' });
  const interview = await createTestInterview(user.id, {
    scheduledStart: new Date(Date.now() + (options.startsInMs ?? -3 * HOUR)),
  });
  if (options.withContact ?? true) {
    await db.interview.update({
      where: { id: interview.id },
      data: { contactName: 'Priya Shah', contactEmail: 'priya@acme.test', contactPhone: '+44 20 7946 0000' },
    });
  }
  return { user, interview };
}

function startInput(interviewId: string, overrides: Partial<StartRecoveryInput> = {}): StartRecoveryInput {
  return {
    interviewId,
    kind: 'MISSED',
    reason: 'TRAFFIC_TRANSPORT',
    explanation: 'My train was cancelled and the next one was an hour late.',
    employerWarned: false,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function countRows(userId: string) {
  const [incidents, messages, revisions, events] = await Promise.all([
    db.missedIncident.count({ where: { userId } }),
    db.message.count({ where: { userId } }),
    db.messageRevision.count({ where: { message: { userId } } }),
    db.activityEvent.count({ where: { userId } }),
  ]);
  return { incidents, messages, revisions, events };
}

describe('startRecovery', () => {
  it('opens one incident with its first drafts and timeline entries, and marks the interview missed', async () => {
    const { user, interview } = await createMissedScenario();

    const result = await startRecovery(user.id, startInput(interview.id));

    expect(result.created).toBe(true);
    const incident = await db.missedIncident.findUniqueOrThrow({ where: { id: result.incidentId } });
    expect(incident).toMatchObject({
      userId: user.id,
      kind: 'MISSED',
      recoveryState: 'CALL',
      reason: 'TRAFFIC_TRANSPORT',
      closedAt: null,
    });
    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({ status: 'MISSED' });

    const messages = await db.message.findMany({
      where: { incidentId: incident.id },
      include: { revisions: true },
      orderBy: { kind: 'asc' },
    });
    expect(messages.map((m) => [m.kind, m.channel, m.recipient, m.status])).toEqual([
      ['CALL_SCRIPT', 'PHONE', '+44 20 7946 0000', 'DRAFT'],
      ['APOLOGY', 'EMAIL', 'priya@acme.test', 'DRAFT'],
    ]);
    for (const message of messages) {
      expect(message.revisions).toHaveLength(1);
      expect(message.revisions[0]).toMatchObject({ subject: message.subject, body: message.body });
    }
    const apology = messages.find((m) => m.kind === 'APOLOGY');
    expect(apology?.body).toMatch(/^Dear Priya Shah,/);
    expect(apology?.body).toContain('Acme Ltd');
    expect(apology?.body).toContain('Kind regards,\nSam Carter');

    const events = await db.activityEvent.findMany({ where: { interviewId: interview.id }, orderBy: { type: 'asc' } });
    expect(events.map((event) => event.type).sort()).toEqual(['INCIDENT_OPENED', 'STATUS_CHANGED']);
    expect(await countRows(user.id)).toEqual({ incidents: 1, messages: 2, revisions: 2, events: 2 });
  });

  it('writes nothing when a step fails halfway through', async () => {
    const { user, interview } = await createMissedScenario();
    const draftMessage = jest.mocked(templates.draftMessage);
    const actual = jest.requireActual<typeof templates>('@/lib/domain/message-templates');
    draftMessage.mockImplementationOnce(actual.draftMessage).mockImplementationOnce(() => {
      throw new Error('The template broke.');
    });

    await expect(startRecovery(user.id, startInput(interview.id))).rejects.toThrow('The template broke.');

    expect(await countRows(user.id)).toEqual({ incidents: 0, messages: 0, revisions: 0, events: 0 });
    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
      status: 'SCHEDULED',
    });
  });

  it('answers a repeated submission with the same key with the first incident', async () => {
    const { user, interview } = await createMissedScenario();
    const input = startInput(interview.id);

    const first = await startRecovery(user.id, input);
    const second = await startRecovery(user.id, input);

    expect(second).toEqual({ incidentId: first.incidentId, created: false });
    expect(await countRows(user.id)).toEqual({ incidents: 1, messages: 2, revisions: 2, events: 2 });
  });

  it('creates one incident from two concurrent submissions with the same key', async () => {
    const { user, interview } = await createMissedScenario();
    const input = startInput(interview.id);

    const results = await Promise.all([startRecovery(user.id, input), startRecovery(user.id, input)]);

    expect(new Set(results.map((r) => r.incidentId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countRows(user.id)).toEqual({ incidents: 1, messages: 2, revisions: 2, events: 2 });
  });

  it('creates one incident from two concurrent submissions from two tabs (different keys)', async () => {
    const { user, interview } = await createMissedScenario();

    const results = await Promise.all([
      startRecovery(user.id, startInput(interview.id)),
      startRecovery(user.id, startInput(interview.id, { reason: 'ILLNESS' })),
    ]);

    expect(new Set(results.map((r) => r.incidentId)).size).toBe(1);
    expect(await countRows(user.id)).toEqual({ incidents: 1, messages: 2, revisions: 2, events: 2 });
  });

  it("treats another user's interview exactly like a missing one and writes nothing", async () => {
    const { interview, user: owner } = await createMissedScenario();
    const intruder = await createTestUser();

    await expect(startRecovery(intruder.id, startInput(interview.id))).rejects.toThrow(NotFoundError);
    await expect(startRecovery(intruder.id, startInput('missing-interview'))).rejects.toThrow(
      'That interview does not exist.',
    );

    expect(await countRows(intruder.id)).toEqual({ incidents: 0, messages: 0, revisions: 0, events: 0 });
    expect(await countRows(owner.id)).toEqual({ incidents: 0, messages: 0, revisions: 0, events: 0 });
    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
      status: 'SCHEDULED',
    });
  });

  it('drafts with a neutral greeting and no placeholders when the contact and explanation are unknown', async () => {
    const { user, interview } = await createMissedScenario({ withContact: false });

    const { incidentId } = await startRecovery(
      user.id,
      startRecoverySchema.parse(startInput(interview.id, { explanation: '   ' })),
    );

    const incident = await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(incident.explanation).toBeNull();
    const messages = await db.message.findMany({ where: { incidentId } });
    const apology = messages.find((m) => m.kind === 'APOLOGY');
    const script = messages.find((m) => m.kind === 'CALL_SCRIPT');
    expect(apology?.body).toMatch(/^Hello,\n/);
    expect(apology?.recipient).toBeNull();
    expect(script?.body).toContain('Could I speak to the person who arranged the interview, please?');
    for (const message of messages) {
      expect(findPlaceholders(`${message.subject ?? ''}\n${message.body}`)).toEqual([]);
      expect(message.body).not.toMatch(/Dear\s*,|undefined|null/);
    }
  });

  it('refuses bad input with a message per field and writes nothing', async () => {
    const { user, interview } = await createMissedScenario();
    signInAs(user);

    const result = await startRecoveryAction({
      ...startInput(interview.id),
      explanation: 'x'.repeat(281),
      idempotencyKey: 'not-a-uuid',
    });

    expect(result).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Check the highlighted fields.',
      fieldErrors: {
        explanation: 'Keep the explanation brief: 280 characters at most.',
        idempotencyKey: 'This form is out of date. Reload the page and try again.',
      },
    });
    expect(await countRows(user.id)).toEqual({ incidents: 0, messages: 0, revisions: 0, events: 0 });
  });

  it("refuses an interview whose status cannot become missed, with the status rule's message", async () => {
    const { user, interview } = await createMissedScenario();
    await db.interview.update({ where: { id: interview.id }, data: { status: 'CANCELLED' } });

    const error = await startRecovery(user.id, startInput(interview.id)).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      'A cancelled interview cannot be marked missed. Add a new interview if it is back on.',
    );
    expect(await countRows(user.id)).toEqual({ incidents: 0, messages: 0, revisions: 0, events: 0 });
  });

  it('starts the preventive flow for an upcoming interview without changing its status', async () => {
    const { user, interview } = await createMissedScenario({ startsInMs: HOUR });

    const { incidentId } = await startRecovery(
      user.id,
      startInput(interview.id, { kind: 'RUNNING_LATE', employerWarned: false }),
    );

    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
      status: 'SCHEDULED',
    });
    const script = await db.message.findFirstOrThrow({ where: { incidentId, kind: 'CALL_SCRIPT' } });
    expect(script.body).toContain('Call now, before the start time.');
    const events = await db.activityEvent.findMany({ where: { interviewId: interview.id } });
    expect(events.map((event) => event.type)).toEqual(['INCIDENT_OPENED']);
  });

  it('refuses "running late" once the interview is over', async () => {
    const { user, interview } = await createMissedScenario({ startsInMs: -3 * HOUR });

    await expect(startRecovery(user.id, startInput(interview.id, { kind: 'RUNNING_LATE' }))).rejects.toThrow(
      'This interview is already over. Mark it as missed instead.',
    );
  });
});

describe('reading a recovery', () => {
  it('returns the incident page in one read, with the stepper at the call', async () => {
    const { user, interview } = await createMissedScenario();
    const { incidentId } = await startRecovery(user.id, startInput(interview.id));

    const recovery = await getRecovery(user.id, incidentId);

    expect(recovery.incident).toMatchObject({ id: incidentId, recoveryState: 'CALL', kind: 'MISSED' });
    expect(recovery.interview).toMatchObject({
      id: interview.id,
      company: 'Acme Ltd',
      contactPhone: '+44 20 7946 0000',
    });
    expect(recovery.stepper.map((item) => [item.step, item.status])).toEqual([
      ['CALL', 'current'],
      ['APOLOGY', 'upcoming'],
      ['SEND', 'upcoming'],
      ['OUTCOME', 'upcoming'],
      ['PREP', 'upcoming'],
      ['LESSON', 'upcoming'],
    ]);
    expect(recovery.messages.map((message) => [message.kind, message.revisions.length])).toEqual([
      ['CALL_SCRIPT', 1],
      ['APOLOGY', 1],
    ]);
    expect(recovery.followUp).toEqual({ status: 'NOT_WAITING' });
    expect(recovery.prep).toBeNull();
    expect(recovery.lesson).toBeNull();

    const stranger = await createTestUser();
    await expect(getRecovery(stranger.id, incidentId)).rejects.toThrow(NotFoundError);
  });

  it('lists open recoveries for the dashboard, and only the user’s own', async () => {
    const { user, interview } = await createMissedScenario();
    const { incidentId } = await startRecovery(user.id, startInput(interview.id));
    const other = await createMissedScenario();
    await startRecovery(other.user.id, startInput(other.interview.id));

    const open = await listOpenRecoveries(user.id);

    expect(open).toEqual([
      expect.objectContaining({
        id: incidentId,
        state: 'CALL',
        stateLabel: 'Call the employer',
        isFollowUpDue: false,
        interview: expect.objectContaining({ company: 'Acme Ltd', roleTitle: 'Backend Engineer' }),
      }),
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { recordLateNoticeAction, sendLateNoticeAction } from '@/lib/actions/late-notices';
import { getDb } from '@/lib/db';
import { draftLateNotice } from '@/lib/domain/late-notice';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { recordArrivedLate } from '@/lib/server/late-notices/record-arrived-late';
import { recordLateNotice } from '@/lib/server/late-notices/record-late-notice';
import { createCheckInToken } from '@/lib/server/notifications/check-in-tokens';
import { loadCheckInPage } from '@/lib/server/pages/check-in';
import { NO_CONTACT_EMAIL, sendLateNotice } from '@/lib/server/late-notices/send-late-notice';
import { startSmtpPeer, type SmtpPeer } from '@/tests/support/smtp-peer.mjs';
import { createTestInterview, createTestUser } from './support/factories';
import { signInAs } from './support/session';
import { listAddresses, useSmtpServer } from './support/smtp';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));
// The timeline entry is the last write of a send: failing it shows the SENT status goes with it.
jest.mock('@/lib/server/interviews/record-activity', () => {
  const actual = jest.requireActual('@/lib/server/interviews/record-activity');
  return { ...actual, recordActivity: jest.fn(actual.recordActivity) };
});
jest.setTimeout(20_000);

const db = getDb();
afterAll(() => db.$disconnect());

let server: SmtpPeer;
let restoreEnv: () => void;

beforeEach(async () => {
  server = await startSmtpPeer();
  restoreEnv = useSmtpServer(server.port);
  process.env.SMTP_FROM = 'Rebound <no-reply@rebound.test>';
});

afterEach(async () => {
  jest.restoreAllMocks();
  restoreEnv();
  await server.close();
});

/** An interview starting in 20 minutes, with the contact given (email and phone by default). */
async function createComingUp(contact: { contactEmail?: string | null; contactPhone?: string | null } = {}) {
  const user = await createTestUser({ name: 'Sam Carter' });
  const created = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() + 20 * 60_000) });
  const interview = await db.interview.update({
    where: { id: created.id },
    data: {
      contactName: 'Priya Shah',
      contactEmail: 'contactEmail' in contact ? contact.contactEmail : 'priya@acme.test',
      contactPhone: 'contactPhone' in contact ? contact.contactPhone : '+44 20 7946 0000',
    },
  });
  return { user, interview };
}

const readWrites = async (interviewId: string) => ({
  messages: await db.message.findMany({ where: { interviewId } }),
  events: await db.activityEvent.findMany({ where: { interviewId } }),
});

describe('emailing the running-late notice', () => {
  it('sends the drafted notice to the contact and writes the message and the timeline entry', async () => {
    const { user, interview } = await createComingUp();
    const key = randomUUID();

    const result = await sendLateNotice(user.id, { interviewId: interview.id, minutesLate: 10, idempotencyKey: key });

    expect(result).toMatchObject({ status: 'SENT', minutesLate: 10, isRepeat: false });
    const draft = draftLateNotice({ ...interview, candidateName: 'Sam Carter' }, 10);
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]?.parsed;
    expect(listAddresses(mail?.to)).toEqual(['priya@acme.test']);
    expect(listAddresses(mail?.replyTo)).toEqual([user.email]);
    expect(mail?.subject).toBe(draft.subject);
    expect(mail?.text?.trim()).toBe(draft.body);

    const { messages, events } = await readWrites(interview.id);
    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'LATE_NOTICE',
        channel: 'EMAIL',
        status: 'SENT',
        delivery: 'SMTP',
        recipient: 'priya@acme.test',
        body: draft.body,
        idempotencyKey: key,
      }),
    ]);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'MESSAGE_SENT',
        summary: expect.stringContaining('by email you’d be about 10 minutes late'),
        details: { kind: 'LATE_NOTICE', minutesLate: 10, channel: 'EMAIL', messageId: messages[0]?.id },
      }),
    ]);
  });

  it('marks the message sent and writes its timeline entry in one transaction', async () => {
    const { user, interview } = await createComingUp();
    jest.mocked(recordActivity).mockRejectedValueOnce(new Error('timeline write failed'));

    await expect(
      sendLateNotice(user.id, { interviewId: interview.id, minutesLate: 5, idempotencyKey: randomUUID() }),
    ).rejects.toThrow('timeline write failed');

    const { messages, events } = await readWrites(interview.id);
    expect(messages.map((message) => message.status)).toEqual(['SENDING']);
    expect(events).toEqual([]);
  });

  it('sends once for a double submission with the same key', async () => {
    const { user, interview } = await createComingUp();
    const values = { interviewId: interview.id, minutesLate: 15, idempotencyKey: randomUUID() };

    const answers = await Promise.allSettled([sendLateNotice(user.id, values), sendLateNotice(user.id, values)]);
    const again = await sendLateNotice(user.id, values);

    expect(server.received).toHaveLength(1);
    const sent = answers.filter((answer) => answer.status === 'fulfilled' && answer.value.status === 'SENT');
    expect(sent.length).toBeGreaterThanOrEqual(1);
    for (const answer of answers) {
      if (answer.status === 'rejected') expect(answer.reason).toBeInstanceOf(ValidationError);
    }
    expect(again).toMatchObject({ status: 'SENT', isRepeat: true });
    const { messages, events } = await readWrites(interview.id);
    expect(messages).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('answers another user’s interview exactly like a missing one and writes nothing', async () => {
    const { interview } = await createComingUp();
    const stranger = await createTestUser();

    await expect(
      sendLateNotice(stranger.id, { interviewId: interview.id, minutesLate: 5, idempotencyKey: randomUUID() }),
    ).rejects.toThrow(NotFoundError);

    signInAs(stranger);
    const answer = await sendLateNoticeAction({
      interviewId: interview.id,
      minutesLate: 5,
      idempotencyKey: randomUUID(),
    });
    expect(answer).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await readWrites(interview.id)).toEqual({ messages: [], events: [] });
    expect(server.received).toHaveLength(0);
  });

  it('refuses a contact without an email address with a clear error, and writes and sends nothing', async () => {
    const { user, interview } = await createComingUp({ contactEmail: null });
    signInAs(user);

    const answer = await sendLateNoticeAction({
      interviewId: interview.id,
      minutesLate: 10,
      idempotencyKey: randomUUID(),
    });

    expect(answer).toEqual({ ok: false, code: 'VALIDATION', message: NO_CONTACT_EMAIL, fieldErrors: {} });
    expect(await readWrites(interview.id)).toEqual({ messages: [], events: [] });
    expect(server.received).toHaveLength(0);
  });

  it('refuses a delay that is not a chip, and one no longer on offer once the interview has ended', async () => {
    const { user, interview } = await createComingUp();
    signInAs(user);
    const odd = await sendLateNoticeAction({ interviewId: interview.id, minutesLate: 7, idempotencyKey: randomUUID() });
    expect(odd).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { minutesLate: expect.any(String) } });

    await db.interview.update({
      where: { id: interview.id },
      data: { scheduledStart: new Date(Date.now() - 3_600_000) },
    });
    await expect(
      sendLateNotice(user.id, { interviewId: interview.id, minutesLate: 30, idempotencyKey: randomUUID() }),
    ).rejects.toThrow(ValidationError);
    expect(await readWrites(interview.id)).toEqual({ messages: [], events: [] });
  });

  it('leaves a refused notice failed, and sends it with the same key once the server takes it', async () => {
    const { user, interview } = await createComingUp();
    await server.close();
    const refusing = await startSmtpPeer({ rejectRecipientWith: { code: 550, text: 'Mailbox unavailable' } });
    process.env.SMTP_PORT = String(refusing.port);
    const values = { interviewId: interview.id, minutesLate: 20, idempotencyKey: randomUUID() };

    const failed = await sendLateNotice(user.id, values);
    await refusing.close();
    server = await startSmtpPeer();
    process.env.SMTP_PORT = String(server.port);
    const retried = await sendLateNotice(user.id, values);

    expect(failed).toMatchObject({ status: 'FAILED', retryable: false });
    expect(retried).toMatchObject({ status: 'SENT', isRepeat: false });
    expect(server.received).toHaveLength(1);
    const { messages, events } = await readWrites(interview.id);
    expect(messages.map((message) => message.status)).toEqual(['SENT']);
    expect(events.map((event) => event.type).sort()).toEqual(['MESSAGE_FAILED', 'MESSAGE_SENT']);
  });
});

describe('recording a text or a call', () => {
  it('records the notice given from the phone once, with its timeline entry', async () => {
    const { user, interview } = await createComingUp({ contactEmail: null });
    signInAs(user);
    const values = {
      interviewId: interview.id,
      minutesLate: 5,
      channel: 'TEXT' as const,
      idempotencyKey: randomUUID(),
    };

    const first = await recordLateNoticeAction(values);
    const second = await recordLateNotice(user.id, values);

    expect(first).toMatchObject({ ok: true, data: { minutesLate: 5, isRepeat: false } });
    expect(second).toMatchObject({ isRepeat: true });
    const { messages, events } = await readWrites(interview.id);
    expect(messages).toEqual([
      expect.objectContaining({ kind: 'LATE_NOTICE', channel: 'PHONE', status: 'SENT', delivery: 'MANUAL' }),
    ]);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'MESSAGE_SENT',
        details: expect.objectContaining({ channel: 'TEXT', minutesLate: 5 }),
      }),
    ]);
    expect(server.received).toHaveLength(0);
  });

  it('answers another user’s interview like a missing one', async () => {
    const { interview } = await createComingUp();
    const stranger = await createTestUser();
    await expect(
      recordLateNotice(stranger.id, {
        interviewId: interview.id,
        minutesLate: 5,
        channel: 'CALL',
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toThrow(NotFoundError);
    expect(await readWrites(interview.id)).toEqual({ messages: [], events: [] });
  });
});

describe('the check-in after a running-late notice', () => {
  it('knows what the user told them, and records "made it, late" once, with the interview attended', async () => {
    const { user, interview } = await createComingUp();
    await recordLateNotice(user.id, {
      interviewId: interview.id,
      minutesLate: 15,
      channel: 'CALL',
      idempotencyKey: randomUUID(),
    });
    // The interview is over: it started two hours ago.
    await db.interview.update({
      where: { id: interview.id },
      data: { scheduledStart: new Date(Date.now() - 7_200_000) },
    });
    const token = await createCheckInToken(db, user.id, interview.id, new Date());

    const page = await loadCheckInPage(user.id, token);
    expect(page.lateNotice).toMatchObject({ minutesLate: 15, channel: 'CALL' });

    await recordArrivedLate(user.id, interview.id);
    await recordArrivedLate(user.id, interview.id);

    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
      status: 'COMPLETED',
    });
    const outcomes = await db.activityEvent.findMany({
      where: { interviewId: interview.id, type: 'OUTCOME_RECORDED' },
    });
    expect(outcomes).toEqual([
      expect.objectContaining({
        summary: 'Made it, late: you had told them you’d be about 15 minutes late.',
        details: { kind: 'ARRIVED_LATE', announcedMinutes: 15 },
      }),
    ]);
  });

  it('answers another user’s interview like a missing one', async () => {
    const { interview } = await createComingUp();
    const stranger = await createTestUser();
    await expect(recordArrivedLate(stranger.id, interview.id)).rejects.toThrow(NotFoundError);
    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
      status: 'SCHEDULED',
    });
  });
});

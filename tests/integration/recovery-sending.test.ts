import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { saveDraftAction, sendMessageAction } from '@/lib/actions/incidents';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { approveDraft } from '@/lib/server/recovery/approve-draft';
import { confirmManualSend } from '@/lib/server/recovery/confirm-manual-send';
import { listMessages } from '@/lib/server/recovery/list-messages';
import { recordCall } from '@/lib/server/recovery/record-call';
import { saveDraft } from '@/lib/server/recovery/save-draft';
import { sendMessage } from '@/lib/server/recovery/send-message';
import { startRecovery } from '@/lib/server/recovery/start-recovery';
import { type SendMessageInput } from '@/lib/validation/recovery';
import { createTestInterview, createTestUser } from './support/factories';
import { startSmtpPeer, type SmtpPeer } from '@/tests/support/smtp-peer.mjs';
import { signInAs } from './support/session';
import { findClosedPort, listAddresses } from './support/smtp';

// The input checks are the actions' (their schemas'); those tests run the action as the user.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

// Each test drives several transactions (and an SMTP round trip); on a machine busy with other
// builds the default 5 s can run out before anything is wrong.
jest.setTimeout(20_000);

const db = getDb();
afterAll(() => db.$disconnect());

const MAIL_ENV = [
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_USER',
  'SMTP_PASSWORD',
  'SMTP_SECURE',
  'SMTP_FROM',
  'MAIL_OUTBOX_DIR',
] as const;
let savedEnv: Partial<Record<(typeof MAIL_ENV)[number], string>> = {};
let outboxDir: string;
let infoLog: jest.SpyInstance;

beforeEach(async () => {
  // The outbox logs every file it writes; the tests read the files instead.
  infoLog = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  savedEnv = Object.fromEntries(MAIL_ENV.map((name) => [name, process.env[name]]));
  MAIL_ENV.forEach((name) => delete process.env[name]);
  outboxDir = await mkdtemp(path.join(os.tmpdir(), 'rebound-recovery-outbox-'));
  process.env.MAIL_OUTBOX_DIR = outboxDir;
  process.env.SMTP_FROM = 'Rebound <no-reply@rebound.test>';
});

afterEach(async () => {
  infoLog.mockRestore();
  for (const name of MAIL_ENV) {
    const value = savedEnv[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await rm(outboxDir, { recursive: true, force: true });
});

function useSmtpServer(port: number): void {
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(port);
}

/** A missed interview whose apology is ready to send: call recorded, draft approved. */
async function createReadyToSend(options: { approve?: boolean } = {}) {
  const user = await createTestUser({ name: 'Sam Carter' });
  const interview = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 3_600_000) });
  await db.interview.update({
    where: { id: interview.id },
    data: { contactName: 'Priya Shah', contactEmail: 'priya@acme.test' },
  });
  const { incidentId } = await startRecovery(user.id, {
    interviewId: interview.id,
    kind: 'MISSED',
    reason: 'SCHEDULE_MIXUP',
    explanation: 'I wrote the wrong date in my calendar.',
    employerWarned: false,
    idempotencyKey: randomUUID(),
  });
  if (options.approve ?? true) {
    await recordCall(user.id, { incidentId, result: 'VOICEMAIL', response: 'NONE' });
    await approveDraft(user.id, { incidentId });
  }
  const apology = await db.message.findFirstOrThrow({ where: { incidentId, kind: 'APOLOGY' } });
  const send = (overrides: Partial<SendMessageInput> = {}): SendMessageInput => ({
    messageId: apology.id,
    recipient: 'priya@acme.test',
    subject: apology.subject ?? '',
    body: apology.body,
    idempotencyKey: randomUUID(),
    ...overrides,
  });
  return { user, interview, incidentId, apology, send };
}

async function readState(incidentId: string) {
  const incident = await db.missedIncident.findUniqueOrThrow({
    where: { id: incidentId },
    include: { rescheduleRequests: { where: { channel: 'EMAIL' } }, steps: true },
  });
  return {
    state: incident.recoveryState,
    emailRequests: incident.rescheduleRequests,
    steps: incident.steps.map((s) => s.step),
  };
}

describe('autosave', () => {
  it('keeps every changed version as a revision and the latest text on the message', async () => {
    const { user, apology } = await createReadyToSend({ approve: false });

    const first = await saveDraft(user.id, { messageId: apology.id, subject: 'Sorry', body: 'Version two' });
    const same = await saveDraft(user.id, { messageId: apology.id, subject: 'Sorry', body: 'Version two' });
    const recipientOnly = await saveDraft(user.id, {
      messageId: apology.id,
      subject: 'Sorry',
      body: 'Version two',
      recipient: 'hr@acme.test',
    });
    await saveDraft(user.id, { messageId: apology.id, subject: 'Sorry again', body: 'Version three' });

    expect([first.revisionCreated, same.revisionCreated, recipientOnly.revisionCreated]).toEqual([true, false, false]);
    const message = await db.message.findUniqueOrThrow({
      where: { id: apology.id },
      include: { revisions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
    expect(message).toMatchObject({
      subject: 'Sorry again',
      body: 'Version three',
      recipient: 'hr@acme.test',
      status: 'DRAFT',
    });
    expect(message.revisions.map((r) => r.body)).toEqual([apology.body, 'Version two', 'Version three']);
  });

  it("refuses a subject with a line break and another user's message", async () => {
    const { user, apology } = await createReadyToSend({ approve: false });
    const stranger = await createTestUser();
    signInAs(user);

    const refused = await saveDraftAction({ messageId: apology.id, subject: 'Hi\nBcc: x@y.test', body: 'x' });
    expect(refused).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Check the highlighted fields.',
      fieldErrors: { subject: 'The subject must be a single line, without line breaks.' },
    });
    await expect(saveDraft(stranger.id, { messageId: apology.id, body: 'mine now' })).rejects.toThrow(NotFoundError);
    expect(await db.message.findUniqueOrThrow({ where: { id: apology.id } })).toMatchObject({ body: apology.body });
  });
});

describe('sending through SMTP', () => {
  let server: SmtpPeer;

  beforeEach(async () => {
    server = await startSmtpPeer();
    useSmtpServer(server.port);
  });

  afterEach(() => server.close());

  it('delivers the apology with its recipient, subject, body, Reply-To and Message-ID, and moves the flow on', async () => {
    const { user, apology, incidentId, interview, send } = await createReadyToSend();
    const input = send({
      subject: 'Apology for missing our interview',
      body: 'I am sorry.\n\nCould we reschedule?\n\nSam',
    });

    const result = await sendMessage(user.id, input);

    expect(result).toMatchObject({ status: 'SENT', transport: 'smtp', isRepeat: false });
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]?.parsed;
    expect(listAddresses(mail?.to)).toEqual(['priya@acme.test']);
    expect(mail?.subject).toBe('Apology for missing our interview');
    expect(mail?.text?.trim()).toBe('I am sorry.\n\nCould we reschedule?\n\nSam');
    expect(listAddresses(mail?.replyTo)).toEqual([user.email]);
    expect(mail?.messageId).toBe(`<recovery-${apology.id}@rebound.test>`);

    expect(await db.message.findUniqueOrThrow({ where: { id: apology.id } })).toMatchObject({
      status: 'SENT',
      delivery: 'SMTP',
      recipient: 'priya@acme.test',
      subject: 'Apology for missing our interview',
      failureReason: null,
    });
    const after = await readState(incidentId);
    expect(after.state).toBe('OUTCOME');
    expect(after.emailRequests).toEqual([expect.objectContaining({ status: 'PENDING', channel: 'EMAIL' })]);
    expect(after.steps.sort()).toEqual(['APOLOGY', 'CALL', 'SEND']);
    const types = (await db.activityEvent.findMany({ where: { interviewId: interview.id } })).map(
      (event) => event.type,
    );
    expect(types).toEqual(expect.arrayContaining(['MESSAGE_SENT', 'RESCHEDULE_REQUESTED']));

    // A retry of the same request answers with the first result and sends nothing.
    expect(await sendMessage(user.id, input)).toMatchObject({ status: 'SENT', isRepeat: true });
    await expect(sendMessage(user.id, send())).rejects.toThrow('This message has already been sent.');
    await expect(saveDraft(user.id, { messageId: apology.id, body: 'edit after sending' })).rejects.toThrow(
      'This message has already been sent, so it can no longer be edited.',
    );
    expect(server.received).toHaveLength(1);
  });

  it.each([
    ['the same idempotency key (a double click)', true],
    ['two different keys (two tabs)', false],
  ])('delivers exactly one message for two concurrent sends with %s', async (_case, sameKey) => {
    const { user, incidentId, send } = await createReadyToSend();
    const first = send();
    const second = sameKey ? first : send();

    const results = await Promise.allSettled([sendMessage(user.id, first), sendMessage(user.id, second)]);

    expect(server.received).toHaveLength(1);
    const sent = results.filter((r) => r.status === 'fulfilled' && r.value.status === 'SENT' && !r.value.isRepeat);
    expect(sent).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(ValidationError);
    }
    const after = await readState(incidentId);
    expect(after.state).toBe('OUTCOME');
    expect(after.emailRequests).toHaveLength(1);
  });

  it('refuses a message another send is working on, but takes over a claim abandoned by a crashed process', async () => {
    const { user, apology, send } = await createReadyToSend();
    await db.message.update({ where: { id: apology.id }, data: { status: 'SENDING' } });

    await expect(sendMessage(user.id, send())).rejects.toThrow(/^This message is being sent right now/);
    await expect(saveDraft(user.id, { messageId: apology.id, body: 'edit while sending' })).rejects.toThrow(
      'This message is being sent right now, so it can no longer be edited.',
    );
    expect(server.connectionCount()).toBe(0);

    await db.message.update({ where: { id: apology.id }, data: { updatedAt: new Date(Date.now() - 11 * 60_000) } });
    expect(await sendMessage(user.id, send())).toMatchObject({ status: 'SENT', isRepeat: false });
    expect(server.received).toHaveLength(1);
  });

  it('refuses header injection, a bad recipient and an empty body before touching anything', async () => {
    const { user, apology, send } = await createReadyToSend();
    signInAs(user);

    const injection = await sendMessageAction(send({ subject: 'Apology\r\nBcc: victim@example.com' }));
    const invalid = await sendMessageAction(send({ recipient: 'priya at acme', body: '   ' }));

    expect(injection).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Check the highlighted fields.',
      fieldErrors: { subject: 'The subject must be a single line, without line breaks.' },
    });
    expect(invalid).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Check the highlighted fields.',
      fieldErrors: {
        recipient: 'Enter a single valid email address for the recipient, like name@example.com.',
        body: 'Write the message before sending it.',
      },
    });
    expect(server.connectionCount()).toBe(0);
    expect(await db.message.findUniqueOrThrow({ where: { id: apology.id } })).toMatchObject({
      status: 'DRAFT',
      subject: apology.subject,
      idempotencyKey: null,
    });
  });

  it("refuses to send the apology before the call, with the state machine's message", async () => {
    const { user, incidentId, send } = await createReadyToSend({ approve: false });

    await expect(sendMessage(user.id, send())).rejects.toThrow(
      'Call the employer (or skip the call with a reason) before sending the email.',
    );
    const script = await db.message.findFirstOrThrow({ where: { incidentId, kind: 'CALL_SCRIPT' } });
    await expect(sendMessage(user.id, send({ messageId: script.id }))).rejects.toThrow(
      /Only email messages can be sent/,
    );
    await expect(sendMessage((await createTestUser()).id, send())).rejects.toThrow(NotFoundError);
    expect(server.connectionCount()).toBe(0);
    expect((await readState(incidentId)).state).toBe('CALL');
  });
});

describe('when sending fails', () => {
  it.each([
    [
      'refuses with 550',
      async () => ({
        server: await startSmtpPeer({ rejectRecipientWith: { code: 550, text: 'Mailbox unavailable' } }),
      }),
    ],
    ['is not listening', async () => ({ port: await findClosedPort() })],
  ])('keeps a FAILED, retryable draft when the server %s, then sends once after the fix', async (_case, setUp) => {
    const { user, apology, incidentId, interview, send } = await createReadyToSend();
    const broken: { server?: SmtpPeer; port?: number } = await setUp();
    useSmtpServer(broken.server?.port ?? broken.port ?? 0);

    const failed = await sendMessage(user.id, send());
    await broken.server?.close();

    expect(failed).toMatchObject({ status: 'FAILED' });
    const reason = failed.status === 'FAILED' ? failed.reason : '';
    expect(reason).toMatch(
      broken.server
        ? /^The mail server refused the message: 550 Mailbox unavailable/
        : /^Could not reach the mail server/,
    );
    expect(await db.message.findUniqueOrThrow({ where: { id: apology.id } })).toMatchObject({
      status: 'FAILED',
      failureReason: reason,
      body: apology.body,
    });
    expect(await readState(incidentId)).toMatchObject({ state: 'SEND', emailRequests: [] });
    const events = await db.activityEvent.findMany({ where: { interviewId: interview.id, type: 'MESSAGE_FAILED' } });
    expect(events).toHaveLength(1);

    const fixed = await startSmtpPeer();
    useSmtpServer(fixed.port);
    try {
      expect(await sendMessage(user.id, send())).toMatchObject({ status: 'SENT', isRepeat: false });
      expect(fixed.received).toHaveLength(1);
      expect(await readState(incidentId)).toMatchObject({ state: 'OUTCOME' });
    } finally {
      await fixed.close();
    }
  });
});

describe('without SMTP', () => {
  it('writes the outbox, offers a mailto: link, and counts it as sent only when the user confirms', async () => {
    const { user, apology, incidentId, send } = await createReadyToSend();
    const input = send({ subject: 'Sorry & thank you', body: 'Line one\nLine two' });

    const result = await sendMessage(user.id, input);

    if (result.status !== 'DRAFT') throw new Error(`Expected the outbox, got ${result.status}.`);
    expect(result.transport).toBe('outbox');
    expect(result.mailto).toBe(
      'mailto:priya@acme.test?subject=Sorry%20%26%20thank%20you&body=Line%20one%0D%0ALine%20two',
    );
    const eml = await simpleParser(await readFile(result.file));
    expect(listAddresses(eml.to)).toEqual(['priya@acme.test']);
    expect(await db.message.findUniqueOrThrow({ where: { id: apology.id } })).toMatchObject({
      status: 'DRAFT',
      delivery: 'MANUAL',
    });
    expect((await readState(incidentId)).state).toBe('SEND');

    const confirmed = await confirmManualSend(user.id, { messageId: apology.id });
    const again = await confirmManualSend(user.id, { messageId: apology.id });

    expect(confirmed.isRepeat).toBe(false);
    expect(again).toEqual({ sentAt: confirmed.sentAt, isRepeat: true });
    expect(await db.message.findUniqueOrThrow({ where: { id: apology.id } })).toMatchObject({
      status: 'SENT',
      delivery: 'MANUAL',
    });
    expect(await readState(incidentId)).toMatchObject({
      state: 'OUTCOME',
      emailRequests: [expect.objectContaining({ status: 'PENDING' })],
    });
  });
});

describe('message history', () => {
  it('lists every revision and every sent message for the interview and the incident, for the owner only', async () => {
    const { user, apology, incidentId, interview, send } = await createReadyToSend();
    await saveDraft(user.id, { messageId: apology.id, subject: 'Apology', body: 'Edited apology' });
    await sendMessage(user.id, send({ subject: 'Apology', body: 'Edited apology, final' }));
    await confirmManualSend(user.id, { messageId: apology.id });

    const byInterview = await listMessages(user.id, { interviewId: interview.id });
    const byIncident = await listMessages(user.id, { incidentId });

    expect(byIncident).toEqual(byInterview);
    const sent = byInterview.find((message) => message.id === apology.id);
    expect(sent).toMatchObject({ status: 'SENT', channel: 'EMAIL', recipient: 'priya@acme.test', delivery: 'MANUAL' });
    expect(sent?.sentAt).toBeInstanceOf(Date);
    expect(sent?.revisions.map((revision) => revision.body)).toEqual([
      apology.body,
      'Edited apology',
      'Edited apology, final',
    ]);
    const stranger = await createTestUser();
    await expect(listMessages(stranger.id, { interviewId: interview.id })).rejects.toThrow(NotFoundError);
    await expect(listMessages(stranger.id, { incidentId })).rejects.toThrow(NotFoundError);
  });
});

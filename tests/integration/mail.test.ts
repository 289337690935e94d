import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { MailDeliveryError, MailInputError, isSmtpConfigured, sendMail, type OutgoingMail } from '@/lib/mail';
import { startSmtpPeer, type SmtpPeer } from '@/tests/support/smtp-peer.mjs';
import { findClosedPort, listAddresses } from './support/smtp';

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject.');
}

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

beforeEach(() => {
  savedEnv = {};
  for (const name of MAIL_ENV) {
    savedEnv[name] = process.env[name];
    delete process.env[name];
  }
});

afterEach(() => {
  for (const name of MAIL_ENV) {
    const value = savedEnv[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

function useSmtpServer(port: number): void {
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(port);
}

const resetMail: OutgoingMail = {
  to: 'candidate@example.com',
  subject: 'Reset your Rebound password',
  text: 'Open this link to choose a new password: http://localhost:3000/reset/abc',
};

describe('sendMail over SMTP', () => {
  let server: SmtpPeer;

  beforeEach(async () => {
    server = await startSmtpPeer();
    useSmtpServer(server.port);
  });

  afterEach(() => server.close());

  it('delivers the message with its recipient, sender, reply-to, Message-ID and custom headers', async () => {
    const result = await sendMail({
      ...resetMail,
      html: '<p>Open this link to choose a new password.</p>',
      from: 'Rebound <alerts@rebound.test>',
      replyTo: 'support@rebound.test',
      messageId: '<reset-42@rebound.test>',
      headers: { 'X-Rebound-Purpose': 'password-reset' },
    });

    expect(isSmtpConfigured()).toBe(true);
    expect(result).toEqual({
      transport: 'smtp',
      messageId: '<reset-42@rebound.test>',
      accepted: ['candidate@example.com'],
    });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.rcptTo).toEqual(['candidate@example.com']);
    expect(mail?.mailFrom).toBe('alerts@rebound.test');
    expect(listAddresses(mail?.parsed.to)).toEqual(['candidate@example.com']);
    expect(mail?.parsed.subject).toBe(resetMail.subject);
    expect(mail?.parsed.text?.trim()).toBe(resetMail.text);
    expect(mail?.parsed.html).toContain('choose a new password');
    expect(mail?.parsed.from?.value).toEqual([{ name: 'Rebound', address: 'alerts@rebound.test' }]);
    expect(listAddresses(mail?.parsed.replyTo)).toEqual(['support@rebound.test']);
    expect(mail?.parsed.messageId).toBe('<reset-42@rebound.test>');
    expect(mail?.parsed.headers.get('x-rebound-purpose')).toBe('password-reset');
  });

  it('sends from SMTP_FROM, read when sending rather than when the module loaded', async () => {
    process.env.SMTP_FROM = 'Rebound Alerts <alerts@rebound.test>';

    const result = await sendMail(resetMail);

    expect(result.transport).toBe('smtp');
    expect(result.messageId).toMatch(/^<.+@.+>$/);
    expect(server.received[0]?.mailFrom).toBe('alerts@rebound.test');
    expect(server.received[0]?.parsed.from?.value).toEqual([
      { name: 'Rebound Alerts', address: 'alerts@rebound.test' },
    ]);
  });

  it.each<[string, Partial<OutgoingMail>, keyof OutgoingMail, RegExp]>([
    [
      'two recipients',
      { to: 'candidate@example.com, other@example.com' },
      'to',
      /recipient must be a single valid email/,
    ],
    ['an invalid recipient', { to: 'not-an-address' }, 'to', /recipient must be a single valid email/],
    [
      'a CRLF in the subject',
      { subject: 'Hello\r\nBcc: victim@example.com' },
      'subject',
      /subject must not contain line breaks/,
    ],
    ['an empty subject', { subject: '  ' }, 'subject', /subject must not be empty/],
    ['an empty body', { text: '' }, 'text', /body must not be empty/],
    [
      'a line break in a custom header',
      { headers: { 'X-Note': 'a\nBcc: victim@example.com' } },
      'headers',
      /line breaks/,
    ],
    ['a custom header that would override Bcc', { headers: { Bcc: 'victim@example.com' } }, 'headers', /own field/],
  ])('refuses %s before connecting', async (_case, change, field, message) => {
    const error = await captureError(sendMail({ ...resetMail, ...change }));

    expect(error).toBeInstanceOf(MailInputError);
    expect((error as MailInputError).field).toBe(field);
    expect((error as MailInputError).message).toMatch(message);
    expect(server.connectionCount()).toBe(0);
    expect(server.received).toHaveLength(0);
  });
});

describe('sendMail delivery failures', () => {
  it('reports a 550 recipient rejection as a permanent failure with the server reply', async () => {
    const server = await startSmtpPeer({ rejectRecipientWith: { code: 550, text: 'No such user here' } });
    useSmtpServer(server.port);
    try {
      const error = await captureError(sendMail(resetMail));

      expect(error).toBeInstanceOf(MailDeliveryError);
      expect((error as MailDeliveryError).message).toMatch(
        /^The mail server refused the message: 550 No such user here/,
      );
      expect((error as MailDeliveryError).retryable).toBe(false);
      expect((error as MailDeliveryError).responseCode).toBe(550);
      expect(server.received).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('reports a 451 rejection as retryable', async () => {
    const server = await startSmtpPeer({ rejectRecipientWith: { code: 451, text: 'Try again later' } });
    useSmtpServer(server.port);
    try {
      const error = await captureError(sendMail(resetMail));

      expect(error).toBeInstanceOf(MailDeliveryError);
      expect((error as MailDeliveryError).message).toMatch(/^The mail server refused the message: 451 Try again later/);
      expect((error as MailDeliveryError).retryable).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('reports a closed port quickly as a retryable connection failure', async () => {
    const port = await findClosedPort();
    useSmtpServer(port);

    const startedAt = Date.now();
    const error = await captureError(sendMail(resetMail));

    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as MailDeliveryError).message).toBe(
      `Could not reach the mail server at 127.0.0.1:${port} (ECONNREFUSED)`,
    );
    expect((error as MailDeliveryError).retryable).toBe(true);
  });
});

describe('sendMail without SMTP', () => {
  let outboxDir: string;

  beforeEach(async () => {
    outboxDir = await mkdtemp(path.join(os.tmpdir(), 'rebound-outbox-'));
    // A directory that does not exist yet: the outbox creates it.
    process.env.MAIL_OUTBOX_DIR = path.join(outboxDir, 'outbox');
  });

  afterEach(() => rm(outboxDir, { recursive: true, force: true }));

  it('writes the full message as an .eml file to the outbox and logs where', async () => {
    const log = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const result = await sendMail({ ...resetMail, replyTo: 'support@rebound.test' });

      expect(isSmtpConfigured()).toBe(false);
      if (result.transport !== 'outbox') throw new Error(`Expected the outbox, got ${result.transport}.`);
      expect(path.dirname(result.file)).toBe(path.join(outboxDir, 'outbox'));
      expect(path.basename(result.file)).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{8}\.eml$/);
      expect(await readdir(path.join(outboxDir, 'outbox'))).toEqual([path.basename(result.file)]);

      const parsed = await simpleParser(await readFile(result.file));
      expect(listAddresses(parsed.to)).toEqual(['candidate@example.com']);
      expect(parsed.subject).toBe(resetMail.subject);
      expect(parsed.text?.trim()).toBe(resetMail.text);
      expect(parsed.from?.value).toEqual([{ name: 'Rebound', address: 'no-reply@localhost' }]);
      expect(listAddresses(parsed.replyTo)).toEqual(['support@rebound.test']);
      expect(parsed.messageId).toBe(result.messageId);

      expect(log).toHaveBeenCalledTimes(1);
      expect(log).toHaveBeenCalledWith(
        `[mail] SMTP not configured; wrote ${result.file} (to: candidate@example.com, subject: ${resetMail.subject})`,
      );
    } finally {
      log.mockRestore();
    }
  });

  it('validates the message the same way before writing anything', async () => {
    const error = await captureError(sendMail({ ...resetMail, subject: 'Hi\nthere' }));

    expect(error).toBeInstanceOf(MailInputError);
    await expect(readdir(path.join(outboxDir, 'outbox'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

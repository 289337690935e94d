import 'server-only';
import { getEnv } from './env';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { z } from 'zod';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  from?: string;
  headers?: Record<string, string>;
  messageId?: string;
};

export type MailResult =
  | { transport: 'smtp'; messageId: string; accepted: string[] }
  | { transport: 'outbox'; messageId: string; file: string };

/** The caller built a message that must not go out; fix the call, retrying will not help. */
export class MailInputError extends Error {
  readonly field: keyof OutgoingMail;

  constructor(field: keyof OutgoingMail, message: string) {
    super(message);
    this.name = 'MailInputError';
    this.field = field;
  }
}

/** The mail server could not be reached or refused the message; `message` is safe to show. */
export class MailDeliveryError extends Error {
  readonly retryable: boolean;
  readonly responseCode: number | undefined;

  constructor(message: string, options: { retryable: boolean; responseCode?: number; cause: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'MailDeliveryError';
    this.retryable = options.retryable;
    this.responseCode = options.responseCode;
  }
}

type SmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
};

type MailConfig = {
  smtp: SmtpConfig | null;
  from: string;
  outboxDir: string;
};

// Long enough for a slow relay, short enough that a dead server fails the request, not the user's patience.
const SMTP_TIMEOUT_MS = 10_000;
// Nodemailer puts these together from the typed fields; a custom header of the same name would
// override or duplicate them and bypass the validation below.
const RESERVED_HEADERS = new Set([
  'bcc',
  'cc',
  'content-transfer-encoding',
  'content-type',
  'date',
  'from',
  'message-id',
  'mime-version',
  'reply-to',
  'sender',
  'subject',
  'to',
]);
// RFC 5322 field names: printable ASCII except the colon.
const HEADER_NAME = /^[!-9;-~]+$/;
const LINE_BREAK = /[\r\n]/;

const emailSchema = z.email();

export function isSmtpConfigured(): boolean {
  return getEnv().smtp !== null;
}

/** Read on every send (getEnv parses again when a value changed), so a send never meets a stale value. */
function readMailConfig(): MailConfig {
  const env = getEnv();
  return {
    smtp: env.smtp,
    from: env.mailFrom,
    outboxDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), env.mailOutboxDir),
  };
}

function assertSingleLine(field: keyof OutgoingMail, label: string, value: string): void {
  if (LINE_BREAK.test(value)) {
    throw new MailInputError(field, `The ${label} must not contain line breaks.`);
  }
}

function assertEmailAddress(field: keyof OutgoingMail, label: string, value: string): void {
  if (!emailSchema.safeParse(value).success) {
    throw new MailInputError(field, `The ${label} must be a single valid email address, not "${value}".`);
  }
}

/** Refuses anything that could add recipients or headers, before a connection is opened. */
function validateMail(mail: OutgoingMail, from: string): void {
  assertEmailAddress('to', 'recipient', mail.to);
  assertSingleLine('subject', 'subject', mail.subject);
  if (!mail.subject.trim()) throw new MailInputError('subject', 'The subject must not be empty.');
  if (!mail.text.trim()) throw new MailInputError('text', 'The message body must not be empty.');
  if (mail.replyTo !== undefined) assertEmailAddress('replyTo', 'reply-to address', mail.replyTo);
  // The sender may carry a display name ("Rebound <no-reply@…>"), so only line breaks are refused.
  assertSingleLine('from', 'sender', from);
  if (!from.trim()) throw new MailInputError('from', 'The sender must not be empty.');
  if (mail.messageId !== undefined && (!mail.messageId.trim() || /\s/.test(mail.messageId))) {
    throw new MailInputError('messageId', 'The Message-ID must be non-empty and contain no whitespace.');
  }
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!HEADER_NAME.test(name)) throw new MailInputError('headers', `"${name}" is not a valid header name.`);
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new MailInputError('headers', `The ${name} header is set from its own field, not through headers.`);
    }
    assertSingleLine('headers', `${name} header`, value);
  }
}

function toMailOptions(mail: OutgoingMail, from: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    replyTo: mail.replyTo,
    headers: mail.headers,
    messageId: mail.messageId,
  };
}

const transporters = new Map<string, Transporter<SMTPTransport.SentMessageInfo>>();

/** One transporter per distinct config: a changed env var gets a fresh one instead of the old server. */
function getSmtpTransporter(smtp: SmtpConfig): Transporter<SMTPTransport.SentMessageInfo> {
  const key = JSON.stringify(smtp);
  let transporter = transporters.get(key);
  if (!transporter) {
    transporter = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      // false still upgrades with STARTTLS whenever the server offers it.
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
    transporters.set(key, transporter);
  }
  return transporter;
}

type NodemailerError = { message: string; code?: string; responseCode?: number; response?: string };

/**
 * Not `instanceof Error`: socket errors are created by Node itself, which under jest's sandbox
 * (and across realms generally) is a different Error class than the one this module sees.
 */
function readNodemailerError(error: unknown): NodemailerError {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const fields = error as Record<string, unknown>;
  return {
    message: typeof fields.message === 'string' ? fields.message : String(error),
    code: typeof fields.code === 'string' ? fields.code : undefined,
    responseCode: typeof fields.responseCode === 'number' ? fields.responseCode : undefined,
    response: typeof fields.response === 'string' ? fields.response : undefined,
  };
}

const CONNECTION_ERROR_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS']);

function toDeliveryError(error: unknown, smtp: SmtpConfig): MailDeliveryError {
  const err = readNodemailerError(error);
  const address = `${smtp.host}:${smtp.port}`;

  if (typeof err.responseCode === 'number') {
    const reply = err.response ?? err.message;
    // 4xx replies are the server's "try again later"; 5xx ones will not change on their own.
    const retryable = err.responseCode >= 400 && err.responseCode < 500;
    const message =
      err.code === 'EAUTH'
        ? `The mail server at ${address} rejected the login (check SMTP_USER and SMTP_PASSWORD): ${reply}`
        : `The mail server refused the message: ${reply}`;
    return new MailDeliveryError(message, { retryable, responseCode: err.responseCode, cause: error });
  }

  if (err.code && CONNECTION_ERROR_CODES.has(err.code)) {
    // Nodemailer replaces the socket's own code (ECONNREFUSED, ENOTFOUND…) with its category;
    // the original survives only in the message, and it is the part that tells what went wrong.
    const reason = /\b(E[A-Z]{3,})\b/.exec(err.message)?.[1] ?? err.code;
    return new MailDeliveryError(`Could not reach the mail server at ${address} (${reason})`, {
      retryable: true,
      cause: error,
    });
  }

  return new MailDeliveryError(`Could not send mail through ${address}: ${err.message}`, {
    retryable: false,
    cause: error,
  });
}

async function sendViaSmtp(mail: OutgoingMail, from: string, smtp: SmtpConfig): Promise<MailResult> {
  let info: SMTPTransport.SentMessageInfo;
  try {
    info = await getSmtpTransporter(smtp).sendMail(toMailOptions(mail, from));
  } catch (error) {
    throw toDeliveryError(error, smtp);
  }
  const accepted = info.accepted.map((recipient) => (typeof recipient === 'string' ? recipient : recipient.address));
  return { transport: 'smtp', messageId: info.messageId, accepted };
}

function createOutboxFileName(): string {
  // Sortable by time; the random part keeps two mails in the same millisecond apart.
  const timestamp = new Date().toISOString().replace(/[-:.]/g, '');
  return `${timestamp}-${randomBytes(4).toString('hex')}.eml`;
}

/** Development and tests without a mail server: keep the exact message on disk to open or parse. */
async function writeToOutbox(mail: OutgoingMail, from: string, outboxDir: string): Promise<MailResult> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await composer.sendMail(toMailOptions(mail, from));
  if (!Buffer.isBuffer(info.message)) throw new Error('The stream transport did not return a buffer.');

  await mkdir(outboxDir, { recursive: true });
  const file = path.join(outboxDir, createOutboxFileName());
  await writeFile(file, info.message, { flag: 'wx' });
  console.info(`[mail] SMTP not configured; wrote ${file} (to: ${mail.to}, subject: ${mail.subject})`);
  return { transport: 'outbox', messageId: info.messageId, file };
}

/**
 * Sends one message to one recipient through SMTP, or writes it to the outbox when SMTP_HOST is
 * unset. Throws MailInputError for a message that must not go out and MailDeliveryError when the
 * server cannot be reached or refuses it.
 */
export async function sendMail(mail: OutgoingMail): Promise<MailResult> {
  const config = readMailConfig();
  const from = mail.from ?? config.from;
  validateMail(mail, from);
  return config.smtp ? sendViaSmtp(mail, from, config.smtp) : writeToOutbox(mail, from, config.outboxDir);
}

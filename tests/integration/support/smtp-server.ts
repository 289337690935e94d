import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { mailFrom: string | null; rcptTo: string[]; parsed: ParsedMail };

export type TestSmtpServer = {
  port: number;
  received: ReceivedMail[];
  connectionCount: () => number;
  /** Mails whose envelope went to this address. */
  receivedBy: (address: string) => ReceivedMail[];
  close: () => Promise<void>;
};

/**
 * A real SMTP peer on a free port that keeps every message it accepts, with its envelope.
 * `rejectRecipientWith` answers every RCPT TO with that reply instead.
 */
export async function startSmtpServer(options: { rejectRecipientWith?: { code: number; text: string } } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    // smtp-server offers STARTTLS with a self-signed certificate the client would refuse.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onRcptTo(_address, _session, callback) {
      const rejection = options.rejectRecipientWith;
      if (!rejection) return callback();
      callback(Object.assign(new Error(rejection.text), { responseCode: rejection.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            parsed,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    connectionCount: () => connections,
    receivedBy: (address) => received.filter((mail) => mail.rcptTo.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

const MAIL_ENV = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_USER', 'SMTP_PASSWORD', 'SMTP_SECURE', 'SMTP_FROM', 'MAIL_OUTBOX_DIR'] as const;

/** Points lib/mail at 127.0.0.1:port (plain SMTP, no auth); the returned function puts the env back. */
export function useSmtpServer(port: number): () => void {
  const saved = MAIL_ENV.map((name) => [name, process.env[name]] as const);
  for (const name of MAIL_ENV) delete process.env[name];
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(port);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** A port that nothing listens on: bind one, then let it go. */
export async function findClosedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => probe.close((error) => (error ? reject(error) : resolve())));
  return port;
}

/** The addresses of a parsed To/Reply-To/… header, in order. */
export function listAddresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const groups = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return groups.flatMap((group) => group.value.map((entry) => entry.address ?? ''));
}

// What integration tests need around the SMTP peer (tests/support/smtp-peer.mjs): lib/mail
// pointed at it, a port nobody answers on, and the addresses of a parsed header.
import { createServer, type AddressInfo } from 'node:net';
import type { AddressObject } from 'mailparser';

const MAIL_ENV = [
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_USER',
  'SMTP_PASSWORD',
  'SMTP_SECURE',
  'SMTP_FROM',
  'MAIL_OUTBOX_DIR',
] as const;

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

// @ts-check
// The one SMTP test peer. Plain ESM with JSDoc types so that jest (integration tests, in
// process), TypeScript and a bare `node` process (the e2e run's peer, see
// tests/e2e/support/run-smtp-peer.mjs) all load this same file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** @typedef {{ mailFrom: string | null; rcptTo: string[]; parsed: import('mailparser').ParsedMail }} ReceivedMail */

/**
 * @typedef {object} SmtpPeer
 * @property {number} port
 * @property {ReceivedMail[]} received
 * @property {() => number} connectionCount
 * @property {(address: string) => ReceivedMail[]} receivedBy Mails whose envelope went to this address.
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} SmtpPeerOptions
 * @property {number} [port] 0 (the default) for any free port.
 * @property {{ code: number; text: string }} [rejectRecipientWith] Answers every RCPT TO with this reply instead.
 * @property {string} [saveTo] Also writes each accepted message to this directory, for readers in
 *   another process: `0001.envelope.json` ({ mailFrom, rcptTo }) first, then `0001.eml` (the raw
 *   message), both before the client hears 250. readMailDir reads them back.
 */

/**
 * A real SMTP peer on 127.0.0.1 that keeps every message it accepts, with its envelope.
 * @param {SmtpPeerOptions} [options]
 * @returns {Promise<SmtpPeer>}
 */
export async function startSmtpPeer(options = {}) {
  /** @type {ReceivedMail[]} */
  const received = [];
  let connections = 0;
  const { saveTo } = options;
  if (saveTo) mkdirSync(saveTo, { recursive: true });

  /** @param {Buffer} raw @param {Omit<ReceivedMail, 'parsed'>} envelope */
  function save(raw, envelope) {
    if (!saveTo) return;
    const name = String(received.length).padStart(4, '0');
    writeFileSync(path.join(saveTo, `${name}.envelope.json`), JSON.stringify(envelope));
    // A reader lists *.eml, so the message appears under that name only once it is complete.
    writeFileSync(path.join(saveTo, `${name}.eml.partial`), raw);
    renameSync(path.join(saveTo, `${name}.eml.partial`), path.join(saveTo, `${name}.eml`));
  }

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
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        simpleParser(raw)
          .then((parsed) => {
            received.push({ ...envelope, parsed });
            save(raw, envelope);
            callback();
          })
          .catch((/** @type {Error} */ error) => callback(error));
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the SMTP peer is not listening on a TCP port');
  return {
    port: address.port,
    received,
    connectionCount: () => connections,
    receivedBy: (recipient) => received.filter((mail) => mail.rcptTo.includes(recipient)),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * The messages a peer started with `saveTo: dir` has accepted so far, oldest first; the same
 * records as its `received`, read from another process.
 * @param {string} dir
 * @returns {Promise<ReceivedMail[]>}
 */
export async function readMailDir(dir) {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  return Promise.all(
    names.map(async (name) => {
      /** @type {Omit<ReceivedMail, 'parsed'>} */
      const envelope = JSON.parse(await readFile(path.join(dir, name.replace(/\.eml$/, '.envelope.json')), 'utf8'));
      return { ...envelope, parsed: await simpleParser(await readFile(path.join(dir, name))) };
    }),
  );
}

import { execFileSync } from 'node:child_process';
import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * A push service of our own on 127.0.0.1, in the role FCM or Mozilla's autopush play: it takes
 * what web-push POSTs, keeps it, and answers with whatever status the test says. It speaks
 * https with a certificate made here, which this process is told to trust.
 */

export type ReceivedPush = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

export type LocalPushService = {
  origin: string;
  received: ReceivedPush[];
  /** The status for requests to this path (default 201). */
  answer: (pathname: string, status: number, body?: string) => void;
  close: () => Promise<void>;
};

function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'push-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    return {
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startLocalPushService(): Promise<LocalPushService> {
  const { key, cert } = makeCertificate();
  // web-push sends with https.request and no agent of its own: the global agent trusts this one certificate.
  https.globalAgent.options.ca = cert;
  const received: ReceivedPush[] = [];
  const answers = new Map<string, { status: number; body: string }>();
  const server = https.createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const pathname = request.url ?? '/';
      received.push({ path: pathname, headers: request.headers, body: Buffer.concat(chunks) });
      const answer = answers.get(pathname) ?? { status: 201, body: '' };
      response.writeHead(answer.status, { 'Content-Type': 'text/plain' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    received,
    answer: (pathname, status, body = '') => answers.set(pathname, { status, body }),
    close: () =>
      new Promise<void>((resolve) => {
        // Jest runs the next test file in this process: the global agent trusts the usual CAs again.
        delete https.globalAgent.options.ca;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a browser makes when it subscribes: a P-256 key pair and a 16-byte auth secret. */
export function createBrowserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: auth.toString('base64url'),
    authSecret: auth,
  };
}

/**
 * Decrypts an aes128gcm push message (RFC 8188 content coding, keys per RFC 8291) the way the
 * browser does, with the browser's private key and auth secret. Written from the RFCs, not
 * from web-push, so it checks web-push's encryption rather than repeating it.
 */
export function decryptPushMessage(body: Buffer, keys: ReturnType<typeof createBrowserKeys>): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body.readUInt8(20);
  const senderPublicKey = body.subarray(21, 21 + keyIdLength);
  const ciphertext = body.subarray(21 + keyIdLength);
  if (ciphertext.length > recordSize) throw new Error('more than one record');

  const receiverPublicKey = keys.ecdh.getPublicKey();
  const sharedSecret = keys.ecdh.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverPublicKey, senderPublicKey]);
  const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, keys.authSecret, keyInfo, 32));
  const contentKey = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));

  const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

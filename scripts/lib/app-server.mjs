// The app's HTTP server: Next.js behind a plain node:http server, so that shutting down is
// ours to order. `next start` stops listening on SIGTERM but keeps answering every request
// that arrives on an open keep-alive connection; here a request that arrives once stopping has
// begun is refused with 503 and the connection is closed, and the ones already running finish.
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { findActionBodyProblem, isServerActionCall } from './action-body.mjs';
import { CLIENT_IP_HEADER, parseTrustedProxies, resolveClientAddress } from './client-address.mjs';

export const DRAIN_TIMEOUT_MS = 10_000;
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Facts about the request being served, shared with the app through globalThis (Next.js bundles
// its own copy of every module, so an import would not be the same instance). lib/db.ts notes
// `databaseUnavailable` when a query of this request could not reach PostgreSQL.
const requestFacts = new AsyncLocalStorage();
globalThis[Symbol.for('rebound.request-facts')] = requestFacts;

/**
 * Next.js cannot set a page's status from the app: a page whose rendering failed is a 500. When
 * that failure was the database being out of reach, the answer is 503 with Retry-After, which
 * is what it is (the error page itself says so; see app/global-error.tsx). Statuses are left
 * alone otherwise, server actions' 200s with a failed result included.
 */
function answerUnavailableFor500(response, facts) {
  const writeHead = response.writeHead;
  response.writeHead = function writeHeadChecked(statusCode, ...rest) {
    if (statusCode === 500 && facts.databaseUnavailable) {
      this.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      this.setHeader('Cache-Control', 'no-store');
      // A reason phrase given for 500 would be wrong for 503.
      return writeHead.call(this, 503, ...(typeof rest[0] === 'string' ? rest.slice(1) : rest));
    }
    return writeHead.call(this, statusCode, ...rest);
  };
}
// Next.js refuses a server action body over 1 MB (serverActions.bodySizeLimit) by throwing,
// which is a 500; refusing it here, before Next reads it, answers what it is.
export const MAX_BODY_BYTES = 1024 * 1024;
// Uploads (docs/ARCHITECTURE.md, "Uploads and bulk writes") take files up to 5 MB, and a
// multipart envelope around one; each route still counts its own file against its own limit.
export const IMPORT_PATH_PREFIX = '/api/imports/';
export const MAX_IMPORT_BODY_BYTES = 5 * 1024 * 1024 + 64 * 1024;

/** The largest body the request's path may carry: 1 MB, except for the upload routes. */
export function bodyLimitFor(url = '/') {
  const pathname = url.split(/[?#]/, 1)[0];
  return pathname.startsWith(IMPORT_PATH_PREFIX) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
}

/** Whether every segment of the request's path decodes; Next.js throws on one that does not. */
export function hasDecodablePath(url = '/') {
  const pathname = url.split(/[?#]/, 1)[0];
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Whether the request declares a body larger than the limit. */
export function declaresOversizedBody(headers, limit = MAX_BODY_BYTES) {
  const length = Number(headers['content-length']);
  return Number.isFinite(length) && length > limit;
}

/**
 * Answers the requests Next.js would turn into a 500 before they reach it: a path that is not
 * valid percent-encoding (400) and a body over the limit (413). Returns whether it answered.
 */
export function refuseMalformedRequest(request, response) {
  if (!hasDecodablePath(request.url)) {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('This address is not valid: part of it is not correctly percent-encoded.\n');
    return true;
  }
  const limit = bodyLimitFor(request.url);
  if (declaresOversizedBody(request.headers, limit)) {
    answerTooLarge(response, limit);
    return true;
  }
  return false;
}

function answerTooLarge(response, limit = MAX_BODY_BYTES) {
  // The body is not read to its end, so the connection cannot carry another request.
  response.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
  response.end(
    `That request is too large: at most ${Math.floor(limit / (1024 * 1024))} MB can be sent at once. ${
      limit === MAX_BODY_BYTES ? 'Shorten the text' : 'Split the file'
    } and try again.\n`,
  );
}

/**
 * A body sent without Content-Length (chunked) is counted as the parser hands it over. Past the
 * limit the request is answered 413 at once, the rest of the body is dropped and its stream
 * ended, and what Next.js then writes for the cut-short request goes nowhere.
 */
function limitStreamedBody(request, response) {
  if (request.headers['content-length'] !== undefined || !request.headers['transfer-encoding']) return;
  const limit = bodyLimitFor(request.url);
  let received = 0;
  let refused = false;
  const push = request.push;
  request.push = function pushCounted(chunk, encoding) {
    if (refused) return false;
    if (chunk !== null) received += chunk.length;
    if (received <= limit) return push.call(this, chunk, encoding);
    refused = true;
    answerTooLarge(response, limit);
    response.setHeader = () => response;
    response.writeHead = () => response;
    response.write = () => true;
    response.end = () => response;
    return push.call(this, null);
  };
}

/**
 * Keeps a request's body from its stream until the parser has handed over all of it (at most
 * the limit: past it the request is answered 413). Resolves with the bytes and release(), which
 * puts them into the stream unchanged and ends it, for whoever reads the request next; or with
 * undefined when the request was answered or its client went away first.
 */
function holdBody(request, response) {
  return new Promise((resolve) => {
    const chunks = [];
    let received = 0;
    let refused = false;
    const push = request.push;
    const release = () => {
      request.push = push;
      for (const chunk of chunks) push.call(request, chunk);
      push.call(request, null);
    };
    request.push = function pushHeld(chunk) {
      if (refused) return false;
      if (chunk === null) {
        resolve({ body: Buffer.concat(chunks, received), release });
        return false;
      }
      received += chunk.length;
      if (received <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return true;
      }
      // What is still to come is dropped, and the stream ends empty.
      refused = true;
      chunks.length = 0;
      answerTooLarge(response);
      push.call(request, null);
      resolve(undefined);
      return false;
    };
    request.once('close', () => resolve(undefined));
  });
}

/**
 * Hands a server action call to Next.js only once its body is known to be one Next can decode;
 * one it would answer 500 for (see action-body.mjs) is answered 400 here. The bytes Next reads
 * are the ones that arrived.
 */
async function serveActionCall(request, response, serve) {
  const held = await holdBody(request, response);
  if (!held) return;
  let problem;
  try {
    problem = await findActionBodyProblem(request.headers, held.body, { maxFieldBytes: MAX_BODY_BYTES });
  } finally {
    held.release();
  }
  if (problem === undefined) {
    serve();
    return;
  }
  response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`This server action call cannot be read: ${problem}.\n`);
}

/**
 * Replaces whatever x-rebound-client-ip the client sent with the address the app's limits key
 * on: the socket's peer, or with trusted proxies the right-most address none of them wrote.
 */
export function setClientAddress(request, trusted) {
  delete request.headers[CLIENT_IP_HEADER];
  request.headers[CLIENT_IP_HEADER] = resolveClientAddress({
    remoteAddress: request.socket?.remoteAddress,
    forwardedFor: request.headers['x-forwarded-for'],
    trusted,
  });
}

/**
 * Prepares Next.js in this process (process.env must already hold the app's configuration)
 * and serves it. Returns close(), which stops accepting at once, lets the requests in flight
 * finish for at most drainTimeoutMs, then closes every connection and Next.js itself.
 */
export async function serveApp({ dir, dev, port, hostname }) {
  const trusted = parseTrustedProxies(process.env.REBOUND_TRUSTED_PROXIES);
  const { default: next } = await import('next');
  let stopping = false;
  const inFlight = new Set();
  const server = http.createServer((request, response) => {
    if (stopping) {
      response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', 'Retry-After': '5' });
      response.end('Rebound is restarting. Try again in a few seconds.\n');
      return;
    }
    if (refuseMalformedRequest(request, response)) return;
    setClientAddress(request, trusted);
    inFlight.add(response);
    response.on('close', () => inFlight.delete(response));
    const serve = () => {
      const facts = { databaseUnavailable: false };
      answerUnavailableFor500(response, facts);
      requestFacts
        .run(facts, () => handle(request, response))
        .catch((error) => {
          console.error('[server] unhandled error:', error);
          if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end();
        });
    };
    if (isServerActionCall(request)) {
      serveActionCall(request, response, serve).catch((error) => {
        console.error('[server] reading a server action body:', error);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end();
      });
      return;
    }
    limitStreamedBody(request, response);
    serve();
  });
  const app = next({ dev, dir, hostname, port, httpServer: server, customServer: true });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Dev mode's hot reload talks over websockets on the same server.
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on('upgrade', (request, socket, head) => (stopping ? socket.destroy() : upgrade(request, socket, head)));
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    server,
    async close({ drainTimeoutMs = DRAIN_TIMEOUT_MS } = {}) {
      if (stopping) return;
      stopping = true;
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const response of inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
      const deadline = Date.now() + drainTimeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (inFlight.size > 0)
        console.warn(
          `[server] ${inFlight.size} request(s) still running after ${drainTimeoutMs / 1000}s; closing them.`,
        );
      server.closeAllConnections();
      await closed;
      await app.close().catch((error) => console.error('[server] closing Next.js:', error));
    },
  };
}

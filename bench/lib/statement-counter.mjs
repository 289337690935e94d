// A TCP relay between the app and PostgreSQL that counts the SQL statements the app sends,
// whatever issues them (Prisma, raw pg, next-auth callbacks). It reads only the client's side of
// the wire protocol: every simple Query ('Q') and every extended-protocol Execute ('E') is one
// statement; Parse/Bind/Describe/Sync are parts of that same statement. Bytes pass through
// unchanged, so the app cannot tell the relay is there. Written here because no maintained
// package counts statements at the protocol level without patching the client.
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

/** Counts the statements in one client→server byte stream, chunk by chunk. */
export class FrontendMessageCounter {
  started = false;
  buffer = Buffer.alloc(0);
  statements = 0;

  /** Feeds a chunk; returns how many statements it completed. */
  push(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let counted = 0;
    for (;;) {
      if (!this.started) {
        // The start-up packet (and an SSL or GSS request before it) has no type byte.
        if (this.buffer.length < 8) break;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) break;
        const code = this.buffer.readInt32BE(4);
        this.buffer = this.buffer.subarray(length);
        if (code !== SSL_REQUEST && code !== GSS_REQUEST) this.started = true;
        continue;
      }
      if (this.buffer.length < 5) break;
      const type = String.fromCharCode(this.buffer[0]);
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) break;
      if (type === 'Q' || type === 'E') counted += 1;
      this.buffer = this.buffer.subarray(1 + length);
    }
    this.statements += counted;
    return counted;
  }
}

/**
 * Listens on 127.0.0.1 and relays to `target` ({ host, port }). `count` is the running total of
 * statements over every connection.
 */
export async function startStatementCounter(target) {
  const sockets = new Set();
  const relay = {
    count: 0,
    port: 0,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const counter = new FrontendMessageCounter();
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (chunk) => {
      relay.count += counter.push(chunk);
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.on('data', (chunk) => {
      if (!client.write(chunk)) upstream.pause();
    });
    client.on('drain', () => upstream.resume());
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  relay.port = server.address().port;
  return relay;
}

/** A counting relay in front of the database at `url`, and the URL that reaches it through the relay. */
export async function startRelayFor(url) {
  const target = new URL(url);
  const relay = await startStatementCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const relayed = new URL(url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(relay.port);
  return { relay, url: relayed.toString() };
}

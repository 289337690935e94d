// The database going away under a running app: whichever way the connection dies (refused, reset,
// closed mid-query, a pooled connection found dead), the error must read as "unavailable", so pages
// answer 503 and actions say so, never a 500.
import net from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { isDatabaseUnavailable } from '@/lib/errors';

/** A TCP relay to the test database that can drop every connection at once. */
async function startCuttableRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    /** Ends every open connection, and refuses new ones when `refuse` is set. */
    async cut({ refuse = false, reset = false } = {}) {
      for (const socket of sockets) {
        if (reset) socket.resetAndDestroy();
        else socket.destroy();
      }
      if (refuse) await new Promise((resolve) => server.close(resolve));
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** 'unavailable', or the error as it reads (so a failure shows what was thrown). */
function howItReads(error: unknown): string {
  if (isDatabaseUnavailable(error)) return 'unavailable';
  const fields = error as { name?: string; code?: unknown; message?: string; cause?: unknown };
  return JSON.stringify({
    name: fields.name,
    code: fields.code,
    message: fields.message,
    cause: String(fields.cause),
    keys: Object.keys(error as object),
  });
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('the query succeeded although its connection was cut');
}

describe('a database that drops its connections', () => {
  let relay: Awaited<ReturnType<typeof startCuttableRelay>>;
  let client: PrismaClient;

  beforeEach(async () => {
    relay = await startCuttableRelay(new URL(process.env.DATABASE_URL ?? ''));
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: relay.url, max: 2 }) });
    await client.$queryRaw`SELECT 1`;
  });

  afterEach(async () => {
    await client.$disconnect().catch(() => undefined);
    await relay.close().catch(() => undefined);
  });

  it('reads as unavailable when the connection closes in the middle of a query', async () => {
    const running = client.$queryRaw`SELECT pg_sleep(5)`;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await relay.cut();
    const error = await failureOf(running);
    expect(howItReads(error)).toBe('unavailable');
  });

  it('reads as unavailable when the connection is reset in the middle of a query', async () => {
    const running = client.$queryRaw`SELECT pg_sleep(5)`;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await relay.cut({ reset: true });
    const error = await failureOf(running);
    expect(howItReads(error)).toBe('unavailable');
  });

  it('reads as unavailable when pooled connections died while idle and new ones are refused', async () => {
    await relay.cut({ refuse: true });
    const error = await failureOf(client.$queryRaw`SELECT 1`);
    expect(howItReads(error)).toBe('unavailable');
  });
});

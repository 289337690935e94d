import pg from 'pg';
import { FrontendMessageCounter, startRelayFor, type startStatementCounter } from '@/bench/lib/statement-counter.mjs';

// The bench's statement counts come from this relay; the counts must be exact for any client.
describe('the bench statement counter', () => {
  let relay: Awaited<ReturnType<typeof startStatementCounter>>;
  let client: pg.Client;

  beforeAll(async () => {
    const started = await startRelayFor(process.env.DATABASE_URL ?? '');
    relay = started.relay;
    client = new pg.Client({ connectionString: started.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await relay.close();
  });

  it('counts simple queries, parameterised queries and the statements of a transaction', async () => {
    const before = relay.count;
    await client.query('SELECT 1');
    expect(relay.count - before).toBe(1);
    const { rows } = await client.query('SELECT $1::int + $2::int AS sum', [2, 3]);
    expect(rows[0].sum).toBe(5);
    expect(relay.count - before).toBe(2);
    await client.query('BEGIN');
    await client.query('SELECT $1::text', ['a']);
    await client.query({ name: 'prepared', text: 'SELECT $1::int', values: [1] });
    await client.query({ name: 'prepared', text: 'SELECT $1::int', values: [2] });
    await client.query('COMMIT');
    expect(relay.count - before).toBe(7);
  });

  it('reads messages split across chunks at any byte', () => {
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8, 0);
    startup.writeInt32BE(196608, 4);
    const message = (type: string, payload: string) => {
      const body = Buffer.from(payload);
      const head = Buffer.alloc(5);
      head.write(type, 0);
      head.writeInt32BE(4 + body.length, 1);
      return Buffer.concat([head, body]);
    };
    const stream = Buffer.concat([
      startup,
      message('p', 'secret\0'),
      message('Q', 'SELECT 1\0'),
      message('P', '\0SELECT $1\0\0\0'),
      message('B', '\0\0\0\0\0\0\0'),
      message('E', '\0\0\0\0\0'),
      message('S', ''),
    ]);
    const counter = new FrontendMessageCounter();
    for (const byte of stream) counter.push(Buffer.from([byte]));
    expect(counter.statements).toBe(2);
    expect(counter.buffer.length).toBe(0);
  });
});

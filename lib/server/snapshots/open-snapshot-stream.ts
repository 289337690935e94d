import 'server-only';
import { getDb, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * How long one download may keep its snapshot open. The snapshot holds a pooled connection, so
 * a client that stops reading must not hold it forever: past this the transaction is rolled
 * back and the download breaks off (10,000 interviews are about 4 MB, well inside it on a slow
 * phone connection).
 */
const SNAPSHOT_TIMEOUT_MS = 2 * 60 * 1000;
/** Several exports at once queue for a connection rather than fail at once. */
const CONNECTION_WAIT_MS = 15 * 1000;
/**
 * A reader that takes nothing for this long has stalled or gone without saying so: the snapshot
 * (and its connection) is given back rather than kept until the overall limit.
 */
const STALLED_READER_MS = 30 * 1000;

/**
 * At most this many downloads hold a snapshot at once; the others wait their turn. Each snapshot
 * keeps one pooled connection for as long as its client reads, so without a bound a handful of
 * slow downloads would take every connection the pages need. A counter and a queue, not a
 * library: this is the only place that bounds concurrent work, and only within one process.
 */
const MAX_OPEN_SNAPSHOTS = 2;
let openSnapshots = 0;
const waitingForSnapshot: (() => void)[] = [];

async function takeSnapshotSlot(): Promise<void> {
  if (openSnapshots < MAX_OPEN_SNAPSHOTS) {
    openSnapshots += 1;
    return;
  }
  // A freed slot passes straight to the first in line, so nobody can overtake it.
  await new Promise<void>((resolve) => waitingForSnapshot.push(resolve));
}

function giveBackSnapshotSlot(): void {
  const next = waitingForSnapshot.shift();
  if (next) next();
  else openSnapshots -= 1;
}

/** How many downloads hold a snapshot and how many wait for one (for tests and health checks). */
export function countSnapshots(): { open: number; waiting: number } {
  return { open: openSnapshots, waiting: waitingForSnapshot.length };
}

/** Whether the reader wants the next piece: false once it cancelled; an error once it stalled. */
async function waitForReader(wantsMore: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('The download stalled: nothing was read for too long.')),
      STALLED_READER_MS,
    );
  });
  try {
    return await Promise.race([wantsMore, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

type Deferred<T> = { promise: Promise<T>; resolve(value: T): void; reject(reason: unknown): void };

function createDeferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  // Whoever waits still sees the rejection; one nobody waits for must not crash the process.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** One hand-over: the producer delivers a piece (null: the end), the reader says whether it wants the next. */
type Step = { piece: Deferred<string | null>; wantsMore: Deferred<boolean>; next?: Step };

function createStep(): Step {
  return { piece: createDeferred(), wantsMore: createDeferred() };
}

/**
 * A file written as a byte stream from one consistent view of the database: `write` yields the
 * file's text piece by piece (a batch of records each), reading through `tx`, a REPEATABLE READ,
 * read-only transaction, so rows edited or added during the download never appear twice or half
 * changed. Pull-based: the next piece is read only once the reader took the previous one, so at
 * most about two pieces are in memory, whatever the file's size. Cancelling the stream (the
 * client went away) ends the transaction and reads nothing more.
 *
 * A failure part-way errors the stream instead of closing it, so the client sees a broken
 * download rather than a file that only looks complete. Resolves once the first piece is ready,
 * so a failure before any byte is sent (no database) is still an ordinary error response.
 *
 * `signal` is the request's: a client that leaves before the body is read (the server then never
 * reads or cancels it) still ends the transaction at once.
 */
export async function openSnapshotStream(
  write: (tx: Tx) => AsyncIterable<string>,
  options: { signal?: AbortSignal } = {},
): Promise<ReadableStream<Uint8Array>> {
  const first = createStep();
  let current = first;
  const stop = () => current.wantsMore.resolve(false);
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();
  await takeSnapshotSlot();
  const transaction = getDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      let step = first;
      for await (const text of write(tx)) {
        step.piece.resolve(text);
        if (!(await waitForReader(step.wantsMore.promise)) || !step.next) return;
        step = step.next;
      }
      step.piece.resolve(null);
    },
    {
      isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
      maxWait: CONNECTION_WAIT_MS,
      timeout: SNAPSHOT_TIMEOUT_MS,
    },
  );
  // The reader waits on the step it is at; an error of the transaction is that step's error.
  transaction
    .catch((error: unknown) => current.piece.reject(error))
    .finally(() => {
      giveBackSnapshotSlot();
      options.signal?.removeEventListener('abort', stop);
    });
  await first.piece.promise;

  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const text = await current.piece.promise;
        if (text === null) {
          await transaction;
          controller.close();
          return;
        }
        // The next step exists before the producer is woken, so it always has one to fill.
        const taken = current;
        current = taken.next = createStep();
        taken.wantsMore.resolve(true);
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        stop();
        await transaction.catch(() => undefined);
      },
    },
    // No read-ahead of the stream's own: the producer's one piece ahead is enough.
    { highWaterMark: 0 },
  );
}

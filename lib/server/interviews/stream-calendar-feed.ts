import 'server-only';
import { writeCalendarFeed } from './write-calendar-feed';

/**
 * At most this many feeds are read and written at once; the others wait their turn before
 * reading anything. A feed holds all its interviews until its last piece is written, and the
 * writing is CPU work in this one process, so more at once would hold more rows (sixteen feeds
 * of 5,000 interviews: over 200 MB) without finishing any sooner.
 */
const MAX_FEEDS_AT_ONCE = 2;
/** A feed that has not been read to its end by then (its client stalled) lets the next one start. */
const FEED_SLOT_MAX_MS = 30 * 1000;
let feedsOpen = 0;
const waitingForFeed: (() => void)[] = [];

async function takeFeedSlot(): Promise<() => void> {
  if (feedsOpen < MAX_FEEDS_AT_ONCE) feedsOpen += 1;
  // A freed slot passes straight to the first in line, so nobody can overtake it.
  else await new Promise<void>((resolve) => waitingForFeed.push(resolve));
  let given = false;
  const timer = setTimeout(() => giveBack(), FEED_SLOT_MAX_MS);
  timer.unref();
  function giveBack() {
    if (given) return;
    given = true;
    clearTimeout(timer);
    const next = waitingForFeed.shift();
    if (next) next();
    else feedsOpen -= 1;
  }
  return giveBack;
}

/** How many feeds are being written and how many wait for their turn (for tests). */
export function countFeeds(): { open: number; waiting: number } {
  return { open: feedsOpen, waiting: waitingForFeed.length };
}

/**
 * The feed for a token as a byte stream, null for an unknown token. A piece (see writeCalendar)
 * is written only when the client is ready for it, so a feed of thousands of events is never in
 * memory whole, and a client that leaves stops the writing. `signal` is the request's: a client
 * that leaves before the body is read frees its turn at once.
 */
export async function streamCalendarFeed(
  token: string,
  appUrl: string,
  options: { signal?: AbortSignal } = {},
): Promise<ReadableStream<Uint8Array> | null> {
  const { signal } = options;
  const giveBack = await takeFeedSlot();
  // A client can leave while its request waits in line: its turn passes on at once, unread.
  signal?.addEventListener('abort', giveBack, { once: true });
  if (signal?.aborted) {
    giveBack();
    return new ReadableStream({ start: (controller) => controller.close() });
  }
  let pieces: Iterator<string>;
  try {
    const feed = await writeCalendarFeed(token, appUrl);
    if (feed === null) {
      giveBack();
      return null;
    }
    pieces = feed[Symbol.iterator]();
  } catch (error) {
    giveBack();
    throw error;
  }
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        try {
          const next = pieces.next();
          if (!next.done) return controller.enqueue(encoder.encode(next.value));
          controller.close();
        } catch (error) {
          controller.error(error);
        }
        giveBack();
      },
      cancel() {
        pieces.return?.();
        giveBack();
      },
    },
    // No read-ahead of the stream's own: a piece is written when the last one was taken.
    { highWaterMark: 0 },
  );
}

import 'server-only';
import type { ReminderChannel, ReminderKind } from '@/lib/domain/reminders';
import type { ReminderContent } from '@/lib/domain/reminders-content';

/** The channels that leave the app; IN_APP is the Notification row itself. */
export type ExternalChannel = Exclude<ReminderChannel, 'IN_APP'>;

/** One notification on its way out through one channel. */
export type ChannelMessage = {
  deliveryId: string;
  notificationId: string;
  reminderId: string;
  kind: ReminderKind;
  user: { id: string; email: string; name: string };
  /** The short form (push, the in-app list). */
  title: string;
  body: string;
  /** Where a click goes, absolute. */
  url: string;
  content: ReminderContent;
  /** Stable per reminder: a push topic or an email Message-ID can be built from it. */
  dedupeKey: string;
  /** Absolute one-click unsubscribe link (email). */
  unsubscribeUrl: string;
};

export type ChannelOutcome = { status: 'sent'; detail?: string } | { status: 'skipped'; reason: string };

/**
 * A channel that could not deliver. `retryable` failures are tried again with backoff; the others
 * (a refused address, an expired subscription already dropped) are recorded as failed at once.
 * `message` is shown to the user on the notifications page.
 */
export class ChannelError extends Error {
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'ChannelError';
    this.retryable = options.retryable;
  }
}

/** Resolves when the channel took the message (or had nothing to do); throws ChannelError or anything else (retried). */
export type ChannelSender = (message: ChannelMessage) => Promise<ChannelOutcome>;

// Kept on globalThis: Next.js bundles the worker (instrumentation) and the routes separately,
// and a sender registered in one must be found by the other.
const REGISTRY = Symbol.for('rebound.notification-channels');
type Registry = Map<ExternalChannel, ChannelSender>;

function getRegistry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

export function registerChannel(channel: ExternalChannel, sender: ChannelSender): void {
  getRegistry().set(channel, sender);
}

export function unregisterChannel(channel: ExternalChannel): void {
  getRegistry().delete(channel);
}

export function findChannelSender(channel: ExternalChannel): ChannelSender | undefined {
  return getRegistry().get(channel);
}

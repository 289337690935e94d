import 'server-only';
import type { PushAction, PushPayload } from '@/lib/server/push/payload';
import { MAX_PAYLOAD_BYTES, serializePushPayload } from '@/lib/server/push/payload';
import { sendPushToUser } from '@/lib/server/push/send-push-to-user';
import { NO_SHOW_LINK_LABEL } from '@/lib/domain/reminders-content';
import { ChannelError, type ChannelMessage, type ChannelOutcome } from './channels';

// The notification's buttons, taken from the reminder's own links by their labels (the content
// builders in lib/domain/reminders-content.ts name them): the service worker opens their URLs.
const ACTION_LINKS: ReadonlyArray<{ label: string; action: PushAction['action'] }> = [
  { label: 'Running late', action: 'running-late' },
  { label: 'Directions', action: 'directions' },
  { label: NO_SHOW_LINK_LABEL, action: 'no-show' },
];

/** The push message for a reminder: its short text, a click that opens it, and its buttons. */
export function toPushPayload(message: ChannelMessage): PushPayload {
  const actions = ACTION_LINKS.flatMap(({ label, action }) => {
    const link = message.content.links.find((candidate) => candidate.label === label);
    return link ? [{ action, title: label, url: link.url }] : [];
  });
  const payload: PushPayload = {
    title: message.content.push.title,
    body: message.content.push.body,
    url: message.url,
    tag: message.dedupeKey,
    ...(actions.length ? { actions } : {}),
  };
  // A body too long for one push message is cut, never refused: the notification page has it whole.
  while (Buffer.byteLength(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES && payload.body.length > 40)
    payload.body = `${Array.from(payload.body).slice(0, -200).join('')}…`;
  return payload;
}

/**
 * The PUSH channel: every browser of the user that subscribed (in a session still signed in).
 * Sent to at least one: sent. None subscribed, or every subscription gone (404/410, dropped):
 * skipped with the reason. Otherwise the failure, retryable when any browser's was.
 */
export async function sendReminderPush(message: ChannelMessage): Promise<ChannelOutcome> {
  const payload = toPushPayload(message);
  serializePushPayload(payload);
  const outcomes = await sendPushToUser(message.user.id, payload, {
    topic: topicFor(message.dedupeKey),
    urgency: 'high',
  });
  const sent = outcomes.filter((outcome) => outcome.status === 'sent').length;
  if (sent > 0)
    return { status: 'sent', detail: `${sent} of ${outcomes.length} browser${outcomes.length === 1 ? '' : 's'}` };
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [outcome] : []));
  if (failures.length === 0)
    return {
      status: 'skipped',
      reason: outcomes.length === 0 ? 'no browser has push turned on' : 'every browser’s subscription had expired',
    };
  throw new ChannelError(`the push service refused it (${failures[0]?.message ?? 'no answer'})`, {
    retryable: failures.some((failure) => failure.retryable),
  });
}

// A Topic header is at most 32 URL-safe base64 characters; a later push with the same topic
// replaces one still waiting at the push service.
function topicFor(dedupeKey: string): string {
  return Buffer.from(dedupeKey).toString('base64url').slice(-32);
}

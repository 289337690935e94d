import 'server-only';
import { mapsSearchUrl } from '@/lib/domain/contact-links';

/** One button under a notification; the service worker opens `url` when it is clicked. */
export type PushAction = { action: 'running-late' | 'directions' | 'no-show'; title: string; url: string };

/**
 * What the service worker (public/sw.js) reads from a push message: kept small, because
 * a push message carries at most 4 KB once encrypted.
 */
export type PushPayload = {
  title: string;
  body: string;
  /** Opened by a click on the notification itself; a path of the app, or an https URL. */
  url: string;
  /** Replaces an earlier notification with the same tag instead of stacking a second one. */
  tag?: string;
  actions?: PushAction[];
};

// A record of aes128gcm is 4096 bytes with 86 of header and 17 of padding and tag; the rest
// leaves room for JSON escaping done by the caller's text.
export const MAX_PAYLOAD_BYTES = 3_900;
const MAX_TITLE = 120;
const MAX_BODY = 600;

function shorten(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

type InterviewNotice = {
  title: string;
  body: string;
  interviewId: string;
  /** Where the interview is, for the "Directions" button; none for video and phone interviews. */
  address?: string | null;
  tag?: string;
  /** The "Running late" button only makes sense before the interview has ended. */
  canRunLate?: boolean;
};

/** A notification about one interview: opens it, with "Running late" and "Directions" where they apply. */
export function buildInterviewPushPayload({
  title,
  body,
  interviewId,
  address,
  tag,
  canRunLate = true,
}: InterviewNotice): PushPayload {
  const interviewPath = `/interviews/${encodeURIComponent(interviewId)}`;
  const actions: PushAction[] = [];
  // The interview page's "Running late?" card: a delay chosen in one tap and the notice drafted.
  if (canRunLate) actions.push({ action: 'running-late', title: 'Running late', url: `${interviewPath}#running-late` });
  if (address?.trim()) actions.push({ action: 'directions', title: 'Directions', url: mapsSearchUrl(address) });
  return {
    title: shorten(title, MAX_TITLE),
    body: shorten(body, MAX_BODY),
    url: interviewPath,
    ...(tag ? { tag } : {}),
    ...(actions.length ? { actions } : {}),
  };
}

/** The payload as sent: JSON, refused when it would not fit in one push message. */
export function serializePushPayload(payload: PushPayload): string {
  const json = JSON.stringify(payload);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_PAYLOAD_BYTES)
    throw new RangeError(`A push payload is at most ${MAX_PAYLOAD_BYTES} bytes; this one is ${bytes}.`);
  return json;
}

// What an invitation says about where the interview happens: the meeting link, a number to dial
// in, and whether LOCATION is an address or only a link or a label. Google, Microsoft and Zoom each
// put the link in a property of their own and again in the description's boilerplate; the
// description is prose, so it is searched for web addresses and phone numbers, not parsed.

/** The meeting hosts whose links mean "a video interview", by host name and path. */
const MEETING_HOSTS: readonly { host: RegExp; path?: RegExp }[] = [
  { host: /^meet\.google\.com$/ },
  { host: /^teams\.microsoft\.com$/, path: /^\/l\/meetup-join\// },
  { host: /^teams\.live\.com$/, path: /^\/meet\// },
  // Zoom: company subdomains (acme.zoom.us, us02web.zoom.us) and personal rooms.
  { host: /(^|\.)zoom\.us$/, path: /^\/(j|my|w|s)\// },
  { host: /(^|\.)webex\.com$/ },
  { host: /^whereby\.com$/ },
];

// The words calendar apps write into LOCATION for an online meeting: a label, not a place.
const ONLINE_LABELS = [
  'microsoft teams meeting',
  'microsoft teams-besprechung',
  'réunion microsoft teams',
  'microsoft teams',
  'google meet',
  'zoom',
  'zoom meeting',
  'online',
  'video call',
  'phone call',
];

const URL_IN_TEXT = /https?:\/\/[^\s<>"'\\]+/g;
// A dial-in as the meeting hosts write it: an international number, maybe followed by ",,PIN#".
const PHONE_IN_TEXT = /\+\d[\d ()\-./]{5,25}\d/;
// Bidirectional marks Google wraps around numbers ("‪+1 650-…‬"), invisible but not digits.
const DIRECTION_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export type MeetingLinkSource = 'google' | 'microsoft' | 'zoom' | 'location' | 'description';

export type MeetingLink = { url: string; source: MeetingLinkSource };

/** The text of the interview's place as an invitation gives it. */
export type InvitationPlace = { address: string | null; url: string | null };

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Whether a link is one of the known meeting hosts (a Meet, Teams, Zoom, Webex or Whereby room). */
export function isMeetingUrl(value: string): boolean {
  const url = parseHttpUrl(value);
  if (!url) return false;
  const host = url.hostname.toLowerCase();
  return MEETING_HOSTS.some((known) => known.host.test(host) && (!known.path || known.path.test(url.pathname)));
}

/** Every web address in a text, trailing punctuation and closing brackets left out. */
export function findUrls(text: string): string[] {
  return (text.match(URL_IN_TEXT) ?? [])
    .map((found) => found.replace(/[.,;:!?)>\]]+$/, ''))
    .filter((found) => parseHttpUrl(found) !== null);
}

/** LOCATION as an address, a link, or neither (empty, or "Microsoft Teams Meeting"). */
export function readPlace(location: string | null): InvitationPlace {
  const text = location?.trim() ?? '';
  if (!text) return { address: null, url: null };
  const url = parseHttpUrl(text);
  if (url) return { address: null, url: url.toString() };
  if (ONLINE_LABELS.includes(text.toLowerCase())) return { address: null, url: null };
  // "Room 4; https://zoom.us/j/1": the link is the meeting, the rest is not a street address.
  const [linkInside] = findUrls(text).filter(isMeetingUrl);
  if (linkInside) return { address: null, url: linkInside };
  return { address: text, url: null };
}

export type LinkSources = {
  google: string | null;
  microsoft: string | null;
  zoom: readonly string[];
  location: InvitationPlace;
  description: string | null;
};

/**
 * The link to join: the provider's own property first (it is the one the provider keeps up to
 * date), then a meeting link written as LOCATION, then the first meeting link in the description.
 */
export function findMeetingLink(sources: LinkSources): MeetingLink | null {
  const candidates: [string | null | undefined, MeetingLinkSource][] = [
    [sources.google, 'google'],
    [sources.microsoft, 'microsoft'],
    ...sources.zoom.map((value): [string, MeetingLinkSource] => [value, 'zoom']),
    [sources.location.url, 'location'],
    ...findUrls(sources.description ?? '')
      .filter(isMeetingUrl)
      .map((value): [string, MeetingLinkSource] => [value, 'description']),
  ];
  for (const [value, source] of candidates) {
    const url = value ? parseHttpUrl(value) : null;
    if (url) return { url: url.toString(), source };
  }
  return null;
}

export type DialIn = { phone: string; pin: string | null };

/** The first dial-in number of the description ("+1 646-558-8656,,85012345#" or "… PIN: 123 456#"). */
export function findDialIn(description: string | null): DialIn | null {
  const text = (description ?? '').replace(DIRECTION_MARKS, '');
  const match = PHONE_IN_TEXT.exec(text);
  if (!match) return null;
  const phone = match[0].trim();
  const after = text.slice(match.index + match[0].length, match.index + match[0].length + 60);
  const pin = /^(?:,,|\s*(?:PIN|Conference ID|ID de conférence|Konferenz-ID)?:?\s*)([\d ]{3,20})#/i.exec(after);
  return { phone, pin: pin?.[1]?.replace(/\s+/g, '') || null };
}

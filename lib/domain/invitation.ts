// An employer's calendar invitation (.ics), read with ical.js into what an interview needs: when
// (an instant and the IANA zone it happens in), where (address, meeting link, dial-in), who (the
// organizer and attendees), and which invitation it is (UID, SEQUENCE, METHOD). The structure is
// ical.js's to read; this module only decides what the values mean and what it refuses.
import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { findDialIn, findMeetingLink, readPlace, type DialIn, type MeetingLink } from './invitation-links';
import { isValidTimeZone, zonedLocalToUtc } from './time';

export const MAX_INVITATION_EVENTS = 200;
export const MAX_INVITATION_BYTES = 1024 * 1024;

export type InvitationMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH' | 'OTHER';

export type InvitationPerson = { name: string | null; email: string | null };

export type InvitationEvent = {
  uid: string;
  sequence: number;
  /** The calendar's METHOD, or CANCEL when the event itself says STATUS:CANCELLED. */
  method: InvitationMethod;
  isCancelled: boolean;
  status: string | null;
  summary: string | null;
  description: string | null;
  /** The start's instant (ISO); when the zone is unknown, the wall time read as UTC. */
  start: string;
  /** The wall-clock start in the event's own zone, 'YYYY-MM-DDTHH:mm'. */
  localStart: string;
  /** The IANA zone, or null: a floating time (or a zone only the file knows) needs the user's pick. */
  timeZone: string | null;
  needsZone: boolean;
  /** The TZID as the file wrote it ("Romance Standard Time"), for the user to see what was mapped. */
  fileZone: string | null;
  durationMinutes: number | null;
  address: string | null;
  meetingLink: MeetingLink | null;
  dialIn: DialIn | null;
  organizer: InvitationPerson | null;
  organizerDomain: string | null;
  attendees: InvitationPerson[];
};

export type Invitation = { method: InvitationMethod; events: InvitationEvent[] };

export type InvitationResult = { ok: true; invitation: Invitation } | { ok: false; message: string };

/** Why a file cannot be imported, in the words shown to the user. */
export const INVITATION_MESSAGES = {
  binary: 'That file is not text: choose the .ics file the invitation came with.',
  notCalendar:
    'That file is not an iCalendar invitation: it does not start with BEGIN:VCALENDAR. Choose the .ics file the invitation came with.',
  unreadable: (detail: string) => `That invitation could not be read: ${detail}.`,
  noEvent: 'That calendar file has no event in it (no VEVENT): there is no interview to add.',
  tooManyEvents: (count: number) =>
    `That calendar file has ${count} events; an import takes at most ${MAX_INVITATION_EVENTS}. Export only the interviews.`,
  tooLarge: 'That file is larger than 1 MB. An invitation is a few kilobytes: choose the invitation itself.',
  noUid: (what: string) => `${what} has no UID, so a later update of it could not be recognised.`,
  recurring: (what: string) =>
    `${what} repeats (RRULE): Rebound adds one interview at a time. Add it by hand, or import the invitation for a single date.`,
  allDay: (what: string) =>
    `${what} is an all-day event with no time of day: an interview needs a start time. Add it by hand with its time.`,
  noStart: (what: string) => `${what} has no start time (DTSTART).`,
  unknownZone: (what: string, zone: string) =>
    `${what} is in the time zone "${zone}", which does not exist and is not defined in the file, so its time cannot be known.`,
  endBeforeStart: (what: string) => `${what} ends before it starts: ask the employer for a corrected invitation.`,
  notOnCalendar: (what: string, value: string) =>
    `${what} has a date or time that is not on the calendar (${value}): ask the employer for a corrected invitation.`,
  tooLong: (what: string) =>
    `${what} lasts longer than a day, which no interview does: ask the employer for a corrected invitation, or add the interview by hand.`,
  duplicateUid: (what: string) =>
    `${what} has the same UID as an earlier event of the file, so the two could not be told apart.`,
} as const;

// The longest event read as an interview: the interview form's start and end share one day.
const MAX_INTERVIEW_MINUTES = 24 * 60;

const METHODS: readonly InvitationMethod[] = ['REQUEST', 'CANCEL', 'PUBLISH'];

function refuse(message: string): InvitationResult {
  return { ok: false, message };
}

/** Text from an uploaded file's bytes: UTF-8 (with or without BOM), or null for a binary file. */
export function decodeInvitationBytes(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The IANA zone a TZID names: itself when it is one, the Windows name's first IANA zone (what
 * Outlook and Exchange write), or the IANA name at the end of a vendor path
 * ("/mozilla.org/20070129_1/Europe/Berlin"). Null when none fits.
 */
export function toIanaZone(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (!name) return null;
  if (name.toUpperCase() === 'UTC' || name.toUpperCase() === 'GMT' || name === 'Z') return 'UTC';
  if (name.includes('/') && isValidTimeZone(name)) return name;
  const windows = findIana(name)[0];
  if (windows && isValidTimeZone(windows)) return windows;
  const parts = name.split('/').filter(Boolean);
  for (let take = Math.min(3, parts.length); take >= 2; take -= 1) {
    const candidate = parts.slice(-take).join('/');
    if (isValidTimeZone(candidate)) return candidate;
  }
  return null;
}

/** A company's name guessed from an email domain: "careers.acme-labs.co.uk" → "Acme Labs". */
export function companyFromDomain(domain: string | null): string | null {
  if (!domain) return null;
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  if (labels.length < 2 || PERSONAL_MAIL_DOMAINS.has(labels.slice(-2).join('.'))) return null;
  // A country's second-level zone (co.uk, com.au) is not the company.
  const secondLevel = labels.length >= 3 && ['co', 'com', 'org', 'net', 'ac', 'gov'].includes(labels.at(-2)!);
  const name = labels.at(secondLevel ? -3 : -2)!;
  if (PERSONAL_MAIL_DOMAINS.has(labels.slice(secondLevel ? -3 : -2).join('.'))) return null;
  return name
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

// Mail and calendar services people invite from: their domain says nothing about the employer.
const PERSONAL_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'google.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'calendly.com',
  'zoom.us',
  'example.com',
  'onmicrosoft.com',
]);

function textOf(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

function readPerson(property: ICAL.Property): InvitationPerson {
  const name = property.getParameter('cn');
  const value = String(property.getFirstValue() ?? '');
  const fromValue = /^mailto:/i.test(value) ? value.replace(/^mailto:/i, '').trim() : '';
  // iCloud puts the person's own address in the EMAIL parameter and a relay (…@imip.me.com, or
  // nothing) in the value: the parameter, when there is one, is the person.
  const fromParameter = property.getParameter('email');
  const email = (typeof fromParameter === 'string' && fromParameter ? fromParameter : fromValue).trim().toLowerCase();
  return {
    name: typeof name === 'string' && name.trim() ? name.trim() : null,
    email: email.includes('@') ? email : null,
  };
}

type ZoneLookup = { fileZones: Set<string> };

type ResolvedTime = { instant: Date; local: string; timeZone: string | null; fileZone: string | null };

// ical.js rolls an impossible value over ("20261399T250000" reads as 10 April 2027, 01:00), so
// the value as written is checked: a day on the calendar and a time of day.
function isOnCalendar(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return true;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  const realDay = date.getUTCMonth() === (month ?? 1) - 1 && date.getUTCDate() === day;
  return realDay && hour <= 23 && minute <= 59 && second <= 60;
}

function wallClock(time: ICAL.Time): string {
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}`;
}

/**
 * One DTSTART/DTEND value as an instant. A zone defined in the file (VTIMEZONE, registered with
 * ical.js) gives the instant the sender's calendar meant; an IANA or Windows name without one is
 * computed from the IANA rules; a time without a zone is floating and waits for the user's zone.
 */
function resolveTime(
  property: ICAL.Property,
  lookup: ZoneLookup,
): ResolvedTime | { unknownZone: string } | { notOnCalendar: string } {
  const raw = (property.jCal as unknown[])[3];
  if (typeof raw === 'string' && !isOnCalendar(raw)) return { notOnCalendar: raw };
  const time = property.getFirstValue() as ICAL.Time;
  const local = wallClock(time);
  const tzid = property.getParameter('tzid');
  const fileZone = typeof tzid === 'string' ? tzid : null;
  if (time.zone?.tzid === 'UTC' || (!fileZone && time.zone === ICAL.Timezone.utcTimezone)) {
    return { instant: time.toJSDate(), local, timeZone: 'UTC', fileZone: null };
  }
  if (!fileZone) {
    const asUtc = new Date(`${local}:00Z`);
    return { instant: asUtc, local, timeZone: null, fileZone: null };
  }
  const iana = toIanaZone(fileZone);
  if (lookup.fileZones.has(fileZone)) {
    return { instant: time.toJSDate(), local, timeZone: iana, fileZone };
  }
  if (!iana) return { unknownZone: fileZone };
  return { instant: zonedLocalToUtc(local, iana).instant, local, timeZone: iana, fileZone };
}

function readEvent(
  component: ICAL.Component,
  method: InvitationMethod,
  lookup: ZoneLookup,
  what: string,
): InvitationEvent | string {
  const uid = textOf(component, 'uid');
  if (!uid) return INVITATION_MESSAGES.noUid(what);
  if (component.hasProperty('rrule') || component.hasProperty('rdate')) return INVITATION_MESSAGES.recurring(what);
  const startProperty = component.getFirstProperty('dtstart');
  if (!startProperty) return INVITATION_MESSAGES.noStart(what);
  if (startProperty.type === 'date') return INVITATION_MESSAGES.allDay(what);

  const start = resolveTime(startProperty, lookup);
  if ('notOnCalendar' in start) return INVITATION_MESSAGES.notOnCalendar(what, start.notOnCalendar);
  if ('unknownZone' in start) return INVITATION_MESSAGES.unknownZone(what, start.unknownZone);

  let durationMinutes: number | null = null;
  const endProperty = component.getFirstProperty('dtend');
  const durationValue = component.getFirstPropertyValue('duration') as ICAL.Duration | null;
  if (endProperty) {
    const end = resolveTime(endProperty, lookup);
    if ('notOnCalendar' in end) return INVITATION_MESSAGES.notOnCalendar(what, end.notOnCalendar);
    if ('unknownZone' in end) return INVITATION_MESSAGES.unknownZone(what, end.unknownZone);
    // A floating end is on the same floating clock as its start.
    const minutes = Math.round((end.instant.getTime() - start.instant.getTime()) / 60_000);
    if (minutes < 0) return INVITATION_MESSAGES.endBeforeStart(what);
    durationMinutes = minutes > 0 ? minutes : null;
  } else if (durationValue) {
    const minutes = Math.round(durationValue.toSeconds() / 60);
    if (minutes < 0) return INVITATION_MESSAGES.endBeforeStart(what);
    durationMinutes = minutes > 0 ? minutes : null;
  }

  // A later SEQUENCE moves the interview to these minutes without a form in between, so a typo in
  // the year (or an event spanning centuries, past what the column holds) is refused here.
  if (durationMinutes !== null && durationMinutes > MAX_INTERVIEW_MINUTES) return INVITATION_MESSAGES.tooLong(what);

  const status = textOf(component, 'status')?.toUpperCase() ?? null;
  const description = textOf(component, 'description');
  const place = readPlace(textOf(component, 'location'));
  const zoomLinks = component
    .getAllProperties()
    .filter((property) => property.name.startsWith('x-zoom'))
    .map((property) => String(property.getFirstValue() ?? ''))
    .filter((value) => /^https?:\/\//i.test(value));
  const meetingLink = findMeetingLink({
    google: textOf(component, 'x-google-conference'),
    microsoft: textOf(component, 'x-microsoft-skypeteamsmeetingurl'),
    zoom: zoomLinks,
    location: place,
    description,
  });
  const organizerProperty = component.getFirstProperty('organizer');
  const organizer = organizerProperty ? readPerson(organizerProperty) : null;
  const isCancelled = method === 'CANCEL' || status === 'CANCELLED';
  return {
    uid,
    sequence: Math.max(0, Number(component.getFirstPropertyValue('sequence') ?? 0) || 0),
    method: isCancelled ? 'CANCEL' : method,
    isCancelled,
    status,
    summary: textOf(component, 'summary'),
    description,
    start: start.instant.toISOString(),
    localStart: start.local,
    timeZone: start.timeZone,
    needsZone: start.timeZone === null,
    fileZone: start.fileZone,
    durationMinutes,
    address: place.address,
    meetingLink,
    dialIn: findDialIn(description),
    organizer,
    organizerDomain: organizer?.email?.split('@')[1] ?? null,
    attendees: component.getAllProperties('attendee').map(readPerson),
  };
}

function parseCalendar(text: string): ICAL.Component | string {
  try {
    const parsed = ICAL.parse(text);
    // A file may hold several VCALENDARs; ical.js gives a list then, and invitations have one.
    const jcal = Array.isArray(parsed[0]) ? parsed[0] : parsed;
    const component = new ICAL.Component(jcal as unknown as [string, unknown[], unknown[]]);
    if (component.name !== 'vcalendar') return INVITATION_MESSAGES.notCalendar;
    return component;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/\.$/, '') : 'it is malformed';
    return INVITATION_MESSAGES.unreadable(detail);
  }
}

/**
 * Reads an invitation's text. Every event must be importable (one timed, single occurrence with
 * a UID and a known zone), else the whole file is refused with the first event's reason, so the
 * user never confirms half of a file.
 */
export function readInvitation(text: string): InvitationResult {
  if (text.includes('\u0000')) return refuse(INVITATION_MESSAGES.binary);
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.toUpperCase().startsWith('BEGIN:VCALENDAR')) return refuse(INVITATION_MESSAGES.notCalendar);
  const calendar = parseCalendar(body);
  if (typeof calendar === 'string') return refuse(calendar);

  const methodText = String(calendar.getFirstPropertyValue('method') ?? 'PUBLISH').toUpperCase();
  const method = METHODS.includes(methodText as InvitationMethod) ? (methodText as InvitationMethod) : 'OTHER';
  // RECURRENCE-ID components are exceptions of a recurring event, refused with it.
  const components = calendar.getAllSubcomponents('vevent');
  if (components.length === 0) return refuse(INVITATION_MESSAGES.noEvent);
  if (components.length > MAX_INVITATION_EVENTS) return refuse(INVITATION_MESSAGES.tooManyEvents(components.length));

  // The file's own zones are registered only while its times are read (all synchronously, so no
  // other request sees them), and only under names not already known.
  const registered: string[] = [];
  const fileZones = new Set<string>();
  try {
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      const tzid = textOf(zone, 'tzid');
      if (!tzid || ICAL.TimezoneService.has(tzid)) continue;
      ICAL.TimezoneService.register(new ICAL.Timezone(zone), tzid);
      registered.push(tzid);
      fileZones.add(tzid);
    }
    const events: InvitationEvent[] = [];
    for (const [index, component] of components.entries()) {
      const summary = textOf(component, 'summary');
      const what =
        components.length === 1 ? 'This event' : `Event ${index + 1}${summary ? ` ("${summary.slice(0, 80)}")` : ''}`;
      if (component.hasProperty('recurrence-id')) return refuse(INVITATION_MESSAGES.recurring(what));
      const event = readEvent(component, method, { fileZones }, what);
      if (typeof event === 'string') return refuse(event);
      if (events.some((earlier) => earlier.uid === event.uid)) return refuse(INVITATION_MESSAGES.duplicateUid(what));
      events.push(event);
    }
    return { ok: true, invitation: { method, events } };
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/\.$/, '') : 'it is malformed';
    return refuse(INVITATION_MESSAGES.unreadable(detail));
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

// iCalendar (RFC 5545) output for interviews, used by the calendar feed and single-event downloads.
// Events are written in the interview's own zone (DTSTART;TZID=… with a VTIMEZONE), so a calendar
// shows "10:00 New York time" and keeps it right across DST changes.
import { TZDate } from '@date-fns/tz';
import ical, {
  ICalAlarmType,
  ICalCalendarMethod,
  ICalEvent,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalAlarmData,
  type ICalCalendar,
  type ICalEventData,
} from 'ical-generator';
import { foldLines, refoldByOctets } from './calendar-fold';
import { getVtimezone } from './calendar-timezones';
import type { InterviewFacts } from './interview-facts';
import type { InterviewStatus } from './interview-status';
import { FORMAT_LABELS, type InterviewFormat } from './interview-format';
import { formatWithZone } from './time';
import { DEFAULT_EARLY_ARRIVAL_MINUTES } from './travel';

export type { InterviewFormat };

export type CalendarInterview = Omit<InterviewFacts, 'contactPhone' | 'travelMinutes' | 'bufferMinutes'> & {
  notes?: string | null;
  leaveBy?: Date | null;
  /** SEQUENCE: raised by every change of the interview, so calendars replace their older copy. */
  sequence: number;
  /** The calendar entry this slot continues (the first slot's id), when it replaced another; see calendarEntryUid. */
  calendarUid?: string | null;
  /** The interview the employer gave after a miss: its texts look forward, never back at the miss. */
  isSecondChance?: boolean;
  /** Extra reminders, e.g. the evening before when a past lesson says the user forgot one. */
  extraReminders?: readonly { at: Date; text: string }[];
};

export type CalendarOptions = {
  appUrl: string;
  /** DTSTAMP, i.e. when this file was generated. Injectable so output is reproducible in tests. */
  now?: Date;
};

export type BuildCalendarOptions = CalendarOptions & {
  name: string;
  /** For a subscribed feed: how often calendar apps should fetch it again (REFRESH-INTERVAL). */
  refreshSeconds?: number;
};

export class CalendarBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarBuildError';
  }
}

const PRODUCT_ID = { company: 'Rebound', product: 'Interview tracker', language: 'EN' };
const MINUTE_MS = 60_000;
const HOUR_SECONDS = 3600;

/** What the second-chance interview asks of the user, in its description and reminders. */
export const SECOND_CHANCE_TIP = `Arrive ${DEFAULT_EARLY_ARRIVAL_MINUTES} minutes early; thank them for the opportunity.`;

// A slot that will not take place says so in its title too: some calendar apps show a cancelled
// event from a subscription as if it were on.
const OFF_PREFIXES: Partial<Record<InterviewStatus, string>> = {
  CANCELLED: 'Cancelled: ',
  WITHDRAWN: 'Withdrawn: ',
  // Moved to a new slot, which carries this entry's UID on with a higher SEQUENCE: the feed and
  // the download send the new slot instead, so this text shows only where nothing replaced it.
  RESCHEDULED: 'Moved: ',
};

type CalendarEntrySlot = { id: string; calendarUid?: string | null };

/**
 * The UID of an interview's calendar entry. A meeting keeps one entry however often it moves:
 * a slot that replaced another carries the first slot's id, so a calendar that holds the old
 * slot (subscribed, or imported by hand) updates it in place instead of showing both. Every
 * other interview keeps its own id, the UID calendars already hold for it.
 */
export function calendarEntryUid(interview: CalendarEntrySlot): string {
  return `${interview.calendarUid ?? interview.id}@rebound`;
}

/**
 * What a new slot writes to continue the old slot's calendar entry: the old slot's UID, and a
 * SEQUENCE above the old slot's (as it is after its own status change), so that the update wins
 * over every copy of the old slot a calendar can hold.
 */
export function continueCalendarEntry(
  old: CalendarEntrySlot & { calendarSequence: number },
  replacement: { calendarSequence: number },
): { calendarUid: string; calendarSequence: number } {
  return {
    calendarUid: old.calendarUid ?? old.id,
    calendarSequence: Math.max(replacement.calendarSequence, old.calendarSequence + 1),
  };
}

/**
 * One event per calendar entry: of the slots that share a UID (a rescheduled meeting), the one
 * with the highest SEQUENCE, which is the newest slot; a later one in the list wins a tie. A
 * calendar holding two events with one UID would keep either. Each kept slot stays where it is
 * in the list.
 */
export function pickCalendarEntries<T extends CalendarEntrySlot & { sequence: number }>(
  interviews: readonly T[],
): readonly T[] {
  const newest = new Map<string, T>();
  for (const interview of interviews) {
    const uid = calendarEntryUid(interview);
    const kept = newest.get(uid);
    if (!kept || interview.sequence >= kept.sequence) newest.set(uid, interview);
  }
  if (newest.size === interviews.length) return interviews;
  const kept = new Set(newest.values());
  return interviews.filter((interview) => kept.has(interview));
}

export type InterviewEventText = { title: string; description: string; location?: string };

/** Title, description and location as every calendar entry for the interview shows them. */
export function describeInterviewEvent(interview: CalendarInterview, appUrl: string): InterviewEventText {
  return describeEvent(interview, normaliseAppUrl(appUrl));
}

/** The ical-generator data for one interview's VEVENT; buildCalendar turns it into text. */
export function buildInterviewEvent(interview: CalendarInterview, options: CalendarOptions): ICalEventData {
  return toEventData(interview, normaliseAppUrl(options.appUrl), options.now ?? new Date());
}

// The app URL comes in checked and normalised: a feed builds thousands of events with one.
function toEventData(interview: CalendarInterview, appUrl: string, stamp: Date): ICalEventData {
  checkInterview(interview);
  const start = interview.scheduledStart.getTime();
  const zone = interview.timeZone;
  const { title, description, location, link } = describeEvent(interview, appUrl);
  const offPrefix = OFF_PREFIXES[interview.status];
  const isOff = offPrefix !== undefined;
  return {
    id: calendarEntryUid(interview),
    sequence: Math.max(0, Math.trunc(interview.sequence)),
    stamp,
    start: inZone(start, zone),
    end: inZone(start + interview.durationMinutes * MINUTE_MS, zone),
    timezone: zone,
    summary: `${offPrefix ?? ''}${title}`,
    description,
    url: link,
    location: location ?? null,
    status: isOff ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // A called-off slot should not block the user's free/busy time.
    transparency: isOff ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    // Only upcoming interviews ring; a finished or called-off one reminding the user is noise.
    alarms: interview.status === 'SCHEDULED' ? buildAlarms(interview, title) : [],
  };
}

/** Throws a CalendarBuildError for an interview no calendar entry can be written for. */
function checkInterview(interview: CalendarInterview): void {
  if (Number.isNaN(interview.scheduledStart.getTime()))
    throw new CalendarBuildError(`Interview ${interview.id} has an invalid start time.`);
  if (!Number.isFinite(interview.durationMinutes) || interview.durationMinutes < 0) {
    throw new CalendarBuildError(
      `Interview ${interview.id} has an invalid duration (${interview.durationMinutes} minutes).`,
    );
  }
  // UTC needs no VTIMEZONE: ical-generator writes it as UTC times ("…Z"), which every client reads.
  if (interview.timeZone !== 'UTC' && getVtimezone(interview.timeZone) === null) {
    throw new CalendarBuildError(`Interview ${interview.id} has an unknown time zone ("${interview.timeZone}").`);
  }
}

/** Events per piece of a written calendar: a few hundred KB of text. */
export const CALENDAR_PIECE_EVENTS = 200;

/** A complete VCALENDAR for a list of interviews (the subscription feed), one event per calendar entry. */
export function buildCalendar(interviews: readonly CalendarInterview[], options: BuildCalendarOptions): string {
  return [...writeCalendar(interviews, options)].join('');
}

/**
 * The same VCALENDAR as buildCalendar, in pieces: the header with the VTIMEZONEs first, then the
 * events `piece` at a time, then the end. A large feed is sent as it is written instead of being
 * held whole, as text and again as bytes. Every interview is checked before the first piece, so
 * a feed that cannot be written fails before any of it is sent.
 */
export function writeCalendar(
  interviews: readonly CalendarInterview[],
  options: BuildCalendarOptions,
  piece = CALENDAR_PIECE_EVENTS,
): Iterable<string> {
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    // The library writes the name as given; NAME and X-WR-CALNAME are TEXT and need escaping.
    name: escapeText(options.name),
    ttl: options.refreshSeconds ?? null,
  });
  const appUrl = normaliseAppUrl(options.appUrl);
  const stamp = options.now ?? new Date();
  const entries = pickCalendarEntries(interviews);
  // One VTIMEZONE per zone in use, in the order the interviews first use them.
  const zones = new Set<string>();
  for (const interview of entries) {
    checkInterview(interview);
    if (interview.timeZone !== 'UTC') zones.add(interview.timeZone);
  }
  // The calendar's own toString folds through a TextEncoder per character (seconds for a large
  // feed), so it writes only the header here: the VTIMEZONEs and the events go before its END
  // line. An event's own text is not folded yet; folding each on its own keeps the pieces small.
  const header = refoldByOctets(calendar.toString().replace(/END:VCALENDAR$/, ''));
  const timezones = [...zones].map((zone) => foldLines(getVtimezone(zone) ?? ''));
  const size = Math.max(1, Math.trunc(piece));
  return (function* pieces() {
    yield header + timezones.join('');
    for (let from = 0; from < entries.length; from += size) {
      yield entries
        .slice(from, from + size)
        .map((interview) => foldLines(writeEvent(interview.id, toEventData(interview, appUrl, stamp), calendar)))
        .join('');
    }
    yield 'END:VCALENDAR\r\n';
  })();
}

/** A one-event .ics file for the "add to calendar" download. */
export function buildInterviewCalendar(interview: CalendarInterview, options: CalendarOptions): string {
  return buildCalendar([interview], { ...options, name: `Interview at ${interview.company}` });
}

// A TZDate carries the zone, so the library writes the wall-clock time there rather than in the
// server's zone (which is what it does with a plain Date and a TZID).
function inZone(time: number, zone: string): Date {
  return zone === 'UTC' ? new Date(time) : new TZDate(time, zone);
}

function writeEvent(id: string, data: ICalEventData, calendar: ICalCalendar): string {
  try {
    return new ICalEvent(data, calendar).toString();
  } catch (error) {
    throw new CalendarBuildError(
      `Could not build the calendar entry for interview ${id}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function normaliseAppUrl(appUrl: string): string {
  const isHttp = URL.canParse(appUrl) && /^https?:$/.test(new URL(appUrl).protocol);
  if (!isHttp) throw new CalendarBuildError(`The app URL must be an absolute http(s) URL (got "${appUrl}").`);
  return appUrl.replace(/\/+$/, '');
}

function describeEvent(interview: CalendarInterview, appUrl: string): InterviewEventText & { link: string } {
  const title = `Interview: ${interview.roleTitle} at ${interview.company}`;
  const link = `${appUrl}/interviews/${encodeURIComponent(interview.id)}`;
  return { title, description: describeInterview(interview, link), location: pickLocation(interview), link };
}

function pickLocation(interview: CalendarInterview): string | undefined {
  const place = interview.location?.trim() || undefined;
  const url = interview.meetingUrl?.trim() || undefined;
  return interview.format === 'VIDEO' ? (url ?? place) : (place ?? url);
}

function describeInterview(interview: CalendarInterview, link: string): string {
  const zone = interview.timeZone;
  const contact = [interview.contactName, interview.contactEmail && `<${interview.contactEmail}>`]
    .filter(Boolean)
    .join(' ');
  const lines = [
    interview.roundLabel && `Round: ${interview.roundLabel}`,
    `Format: ${FORMAT_LABELS[interview.format]}`,
    `When: ${formatWithZone(interview.scheduledStart, zone)}`,
    interview.leaveBy && `Leave by: ${formatWithZone(interview.leaveBy, zone)}`,
    interview.isSecondChance && SECOND_CHANCE_TIP,
    interview.meetingUrl && `Join: ${interview.meetingUrl}`,
    contact && `Contact: ${contact}`,
    interview.notes && `Notes: ${interview.notes}`,
    `Open in Rebound: ${link}`,
  ];
  return lines.filter((line): line is string => typeof line === 'string' && line !== '').join('\n');
}

function buildAlarms(interview: CalendarInterview, title: string): ICalAlarmData[] {
  const start = interview.scheduledStart.getTime();
  // Triggers are relative to DTSTART: an absolute trigger in an event with a TZID comes out of
  // the library as local time without "Z", which RFC 5545 does not allow.
  const secondsBefore = (at: Date) => {
    const time = at.getTime();
    return Number.isNaN(time) || time > start ? null : Math.round((start - time) / 1000);
  };
  // On the second chance every reminder carries the one thing to do; none points back at the
  // miss or the lesson it taught (that reminder is still there, in the positive wording).
  const tip = interview.isSecondChance ? ` ${SECOND_CHANCE_TIP}` : '';
  const extra = (interview.extraReminders ?? []).flatMap((reminder) => {
    const before = secondsBefore(reminder.at);
    if (before === null) return [];
    return [
      displayAlarm(interview.isSecondChance ? `Get ready: ${title}.${tip}` : `${reminder.text}: ${title}`, before),
    ];
  });
  const dayBefore = displayAlarm(`Tomorrow: ${title}${tip ? `.${tip}` : ''}`, 24 * HOUR_SECONDS);
  const leaveBy = interview.leaveBy ? secondsBefore(interview.leaveBy) : null;
  if (leaveBy === null) {
    return [dayBefore, ...extra, displayAlarm(`In 2 hours: ${title}`, 2 * HOUR_SECONDS)];
  }
  return [
    dayBefore,
    ...extra,
    displayAlarm(`Leave in 30 minutes: ${title}`, leaveBy + 30 * 60),
    displayAlarm(`Leave now: ${title}`, leaveBy),
  ];
}

function displayAlarm(description: string, secondsBeforeStart: number): ICalAlarmData {
  return { type: ICalAlarmType.display, description, trigger: secondsBeforeStart };
}

// RFC 5545 §3.3.11 TEXT escaping, for the calendar name the library passes through untouched.
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

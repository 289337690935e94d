// iCalendar (RFC 5545) output for interviews, used by the calendar feed and single-event downloads.
import { createEvents, type Alarm, type EventAttributes } from 'ics';
import type { InterviewStatus } from './interview-status';
import { formatInZone } from './time';

import { FORMAT_LABELS, type InterviewFormat } from './interview-format';

export type { InterviewFormat };

export type CalendarInterview = {
  id: string;
  company: string;
  roleTitle: string;
  roundLabel?: string | null;
  scheduledStart: Date;
  durationMinutes: number;
  timeZone: string;
  format: InterviewFormat;
  location?: string | null;
  meetingUrl?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  notes?: string | null;
  leaveBy?: Date | null;
  status: InterviewStatus;
  /** Extra reminders, e.g. the evening before when a past lesson says the user forgot one. */
  extraReminders?: readonly { at: Date; text: string }[];
};

export type CalendarOptions = {
  appUrl: string;
  /** DTSTAMP, i.e. when this file was generated. Injectable so output is reproducible in tests. */
  now?: Date;
};

export type BuildCalendarOptions = CalendarOptions & { name: string };

export class CalendarBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarBuildError';
  }
}

const PRODUCT_ID = '-//Rebound//Interview tracker//EN';
const MINUTE_MS = 60_000;


// ics accepts `timestamp` (DTSTAMP) at runtime but leaves it out of its types.
type StampedEvent = EventAttributes & { timestamp?: number };

/** The ics attributes for one interview's VEVENT; buildCalendar turns them into text. */
export function buildInterviewEvent(interview: CalendarInterview, options: CalendarOptions): EventAttributes {
  const start = interview.scheduledStart.getTime();
  if (Number.isNaN(start)) throw new CalendarBuildError(`Interview ${interview.id} has an invalid start time.`);
  if (!Number.isFinite(interview.durationMinutes) || interview.durationMinutes < 0) {
    throw new CalendarBuildError(`Interview ${interview.id} has an invalid duration (${interview.durationMinutes} minutes).`);
  }
  const title = `Interview: ${interview.roleTitle} at ${interview.company}`;
  const link = `${normaliseAppUrl(options.appUrl)}/interviews/${encodeURIComponent(interview.id)}`;
  // Moved, cancelled and withdrawn slots will not take place; a RESCHEDULED row is superseded by
  // a new interview with its own UID, so leaving it confirmed would show the user two meetings.
  const isOff = interview.status === 'CANCELLED' || interview.status === 'WITHDRAWN' || interview.status === 'RESCHEDULED';
  const location = pickLocation(interview);

  const event: StampedEvent = {
    uid: `${interview.id}@rebound`,
    title,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: start + interview.durationMinutes * MINUTE_MS,
    endInputType: 'utc',
    endOutputType: 'utc',
    timestamp: (options.now ?? new Date()).getTime(),
    description: describeInterview(interview, link),
    url: link,
    status: isOff ? 'CANCELLED' : 'CONFIRMED',
    // A called-off slot should not block the user's free/busy time.
    transp: isOff ? 'TRANSPARENT' : 'OPAQUE',
    ...(location ? { location } : {}),
    // Only upcoming interviews ring; a finished or called-off one reminding the user is noise.
    ...(interview.status === 'SCHEDULED' ? { alarms: buildAlarms(interview, title) } : {}),
  };
  return event;
}

/** A complete VCALENDAR for a list of interviews (the subscription feed). */
export function buildCalendar(interviews: readonly CalendarInterview[], options: BuildCalendarOptions): string {
  const events = interviews.map((interview) => buildInterviewEvent(interview, options));
  const header = { productId: PRODUCT_ID, method: 'PUBLISH', calName: escapeText(options.name) };
  const { error, value } = createEvents(events, header);
  if (error || value === null) throw new CalendarBuildError(`Could not build the calendar: ${describeIcsError(error)}`);
  return refoldByOctets(value);
}

/** A one-event .ics file for the "add to calendar" download. */
export function buildInterviewCalendar(interview: CalendarInterview, options: CalendarOptions): string {
  return buildCalendar([interview], { ...options, name: `Interview at ${interview.company}` });
}

// Checked here because ics's own complaint about a bad URL is a page-long regular expression.
function normaliseAppUrl(appUrl: string): string {
  const isHttp = URL.canParse(appUrl) && /^https?:$/.test(new URL(appUrl).protocol);
  if (!isHttp) throw new CalendarBuildError(`The app URL must be an absolute http(s) URL (got "${appUrl}").`);
  return appUrl.replace(/\/+$/, '');
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
    `When: ${formatInZone(interview.scheduledStart, zone)} (${zone})`,
    interview.leaveBy && `Leave by: ${formatInZone(interview.leaveBy, zone)}`,
    interview.meetingUrl && `Join: ${interview.meetingUrl}`,
    contact && `Contact: ${contact}`,
    interview.notes && `Notes: ${interview.notes}`,
    `Open in Rebound: ${link}`,
  ];
  return lines.filter((line): line is string => typeof line === 'string' && line !== '').join('\n');
}

function buildAlarms(interview: CalendarInterview, title: string): Alarm[] {
  // Absolute UTC triggers: these are anchored to a moment of their own, not to DTSTART.
  const extra = (interview.extraReminders ?? [])
    .filter((reminder) => !Number.isNaN(reminder.at.getTime()))
    .map((reminder) => displayAlarm(`${reminder.text}: ${title}`, reminder.at.getTime()));
  // Durations are written in hours, not days: ics renders { days: 1 } as "P1DT", which is not a
  // valid RFC 5545 duration, while { hours: 24 } gives the valid "PT24H".
  const dayBefore = displayAlarm(`Tomorrow: ${title}`, { before: true, hours: 24 });
  const leaveBy = interview.leaveBy;
  if (!leaveBy || Number.isNaN(leaveBy.getTime())) {
    return [dayBefore, ...extra, displayAlarm(`In 2 hours: ${title}`, { before: true, hours: 2 })];
  }
  return [
    dayBefore,
    ...extra,
    displayAlarm(`Leave in 30 minutes: ${title}`, leaveBy.getTime() - 30 * MINUTE_MS),
    displayAlarm(`Leave now: ${title}`, leaveBy.getTime()),
  ];
}

function displayAlarm(description: string, trigger: Alarm['trigger']): Alarm {
  // ics escapes SUMMARY and DESCRIPTION of events but not of alarms, so a comma in a company name
  // would otherwise reach the file unescaped.
  return { action: 'display', description: escapeText(description), trigger };
}

// RFC 5545 §3.3.11 TEXT escaping, for the values ics passes through untouched.
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

// ics returns a plain object copied from a yup ValidationError rather than an Error instance.
function describeIcsError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { errors, message } = error as { errors?: unknown; message?: unknown };
    if (Array.isArray(errors) && errors.length > 0) return errors.map(String).join('; ');
    if (typeof message === 'string' && message) return message;
  }
  return 'the ics library returned no output';
}

// ics folds at 75 characters, but RFC 5545 §3.1 limits lines to 75 octets, so a company name in
// Greek or an emoji in the notes would produce over-long lines. Unfold, then fold again by UTF-8
// length without splitting a character.
function refoldByOctets(text: string): string {
  const logicalLines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line, index, all) => line !== '' || index < all.length - 1);
  return logicalLines.map(foldLine).join('\r\n') + '\r\n';
}

function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let currentOctets = 0;
  let limit = 75;
  for (const char of line) {
    const octets = utf8Length(char);
    if (currentOctets + octets > limit) {
      pieces.push(current);
      current = '';
      currentOctets = 0;
      limit = 74; // continuation lines start with a space, which counts towards the 75
    }
    current += char;
    currentOctets += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

function utf8Length(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

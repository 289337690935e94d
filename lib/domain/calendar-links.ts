// "Add to Google Calendar" and "Add to Outlook" links: the services' public event templates,
// filled with the same title, description and place as the .ics file.
import { describeInterviewEvent, type CalendarInterview } from './calendar';
import { utcToZonedLocal, zoneOffsetMinutes } from './time';

const MINUTE_MS = 60_000;

export type AddToCalendarLinks = { google: string; outlook: string };

export function buildAddToCalendarLinks(interview: CalendarInterview, appUrl: string): AddToCalendarLinks {
  return { google: buildGoogleCalendarUrl(interview, appUrl), outlook: buildOutlookCalendarUrl(interview, appUrl) };
}

/**
 * Google's template takes the wall-clock times in `ctz`, so the event is created in the
 * interview's zone (and shown as such), whatever zone the user's Google account is in.
 */
export function buildGoogleCalendarUrl(interview: CalendarInterview, appUrl: string): string {
  const { title, description, location } = describeInterviewEvent(interview, appUrl);
  const [start, end] = startAndEnd(interview);
  const compact = (instant: Date) => `${utcToZonedLocal(instant, interview.timeZone).replace(/[-:]/g, '')}00`;
  return withQuery('https://calendar.google.com/calendar/render', [
    ['action', 'TEMPLATE'],
    ['text', title],
    ['dates', `${compact(start)}/${compact(end)}`],
    ['ctz', interview.timeZone],
    ['details', description],
    ['location', location],
  ]);
}

/**
 * Outlook's compose form has no zone parameter; an ISO time with the zone's offset names the
 * instant exactly, and Outlook shows it in the user's own zone.
 */
export function buildOutlookCalendarUrl(interview: CalendarInterview, appUrl: string): string {
  const { title, description, location } = describeInterviewEvent(interview, appUrl);
  const [start, end] = startAndEnd(interview);
  const withOffset = (instant: Date) =>
    `${utcToZonedLocal(instant, interview.timeZone)}:00${formatOffset(zoneOffsetMinutes(instant, interview.timeZone))}`;
  return withQuery('https://outlook.live.com/calendar/0/action/compose', [
    ['subject', title],
    ['startdt', withOffset(start)],
    ['enddt', withOffset(end)],
    ['body', description],
    ['location', location],
  ]);
}

function startAndEnd(interview: CalendarInterview): [Date, Date] {
  const start = interview.scheduledStart;
  return [start, new Date(start.getTime() + interview.durationMinutes * MINUTE_MS)];
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

// encodeURIComponent rather than URLSearchParams: a space becomes %20, which every query parser
// reads as a space, where "+" means one only to form decoders.
function withQuery(base: string, params: readonly [string, string | undefined][]): string {
  const query = params
    .filter((param): param is [string, string] => param[1] !== undefined && param[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return `${base}?${query}`;
}

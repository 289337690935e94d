// Reads .ics text with ical.js (Mozilla's iCalendar library, the one Thunderbird uses), so tests
// check what a real client understands rather than what a regular expression finds.
import ICAL from 'ical.js';

export type ParsedAlarm = { action: string; trigger: string; description: string };

export type ParsedEvent = {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  description: string;
  location: string | null;
  /** The instant DTSTART names, resolved through the file's own VTIMEZONE. */
  start: Date;
  end: Date;
  /** The TZID DTSTART was written in ('UTC' for a "…Z" time). */
  startZone: string;
  /** Wall-clock start in that zone, 'YYYY-MM-DDTHH:mm:ss'. */
  startLocal: string;
  alarms: ParsedAlarm[];
};

export type ParsedCalendar = {
  name: string | null;
  refreshInterval: string | null;
  publishedTtl: string | null;
  /** The file's VTIMEZONEs by TZID. */
  timezones: Map<string, ICAL.Timezone>;
  events: ParsedEvent[];
};

/** Parses a VCALENDAR; throws on text ical.js cannot read. */
export function parseCalendar(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  if (root.name !== 'vcalendar') throw new Error(`not a VCALENDAR but ${root.name}`);
  const timezones = new Map<string, ICAL.Timezone>();
  for (const component of root.getAllSubcomponents('vtimezone')) {
    const timezone = new ICAL.Timezone(component);
    timezones.set(timezone.tzid, timezone);
  }
  // Only the file's own VTIMEZONEs resolve its TZIDs: nothing is taken from ical.js's registry.
  ICAL.TimezoneService.reset();
  for (const [tzid, timezone] of timezones) ICAL.TimezoneService.register(timezone, tzid);
  try {
    const events = root.getAllSubcomponents('vevent').map(readEvent);
    return {
      name: textValue(root, 'x-wr-calname'),
      refreshInterval: stringValue(root, 'refresh-interval'),
      publishedTtl: stringValue(root, 'x-published-ttl'),
      timezones,
      events,
    };
  } finally {
    ICAL.TimezoneService.reset();
  }
}

function readEvent(component: ICAL.Component): ParsedEvent {
  const event = new ICAL.Event(component);
  const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
  const zoneName = typeof tzid === 'string' ? tzid : event.startDate.zone?.tzid;
  if (typeof tzid === 'string' && event.startDate.zone?.tzid !== tzid) {
    throw new Error(`DTSTART names TZID ${tzid}, but the file has no VTIMEZONE for it`);
  }
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: stringValue(component, 'status'),
    summary: event.summary,
    description: event.description,
    location: event.location ?? null,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    startZone: zoneName === 'Z' ? 'UTC' : String(zoneName),
    startLocal: event.startDate.toString(),
    alarms: component.getAllSubcomponents('valarm').map((alarm) => ({
      action: stringValue(alarm, 'action') ?? '',
      trigger: stringValue(alarm, 'trigger') ?? '',
      description: textValue(alarm, 'description') ?? '',
    })),
  };
}

function stringValue(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

function textValue(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : null;
}

/** The zone's UTC offset in minutes at a wall-clock time, as the VTIMEZONE defines it. */
export function offsetMinutesAt(
  timezone: ICAL.Timezone,
  wallClock: { year: number; month: number; day: number; hour: number; minute?: number },
): number {
  return (
    timezone.utcOffset(ICAL.Time.fromData({ ...wallClock, minute: wallClock.minute ?? 0, second: 0, isDate: false })) /
    60
  );
}

// Time-zone helpers built on Intl alone. Interviews are stored as instants (UTC) plus the IANA zone
// they happen in; forms speak "wall clock in that zone". These functions translate between the two
// and are explicit about the two wall-clock times that do not map to exactly one instant.

export type LocalDateTime = string; // 'YYYY-MM-DDTHH:mm', the value of <input type="datetime-local">

export type LocalToUtcAdjustment = 'none' | 'gap-shifted-forward' | 'ambiguous-earlier';

export type LocalToUtcResult = {
  instant: Date;
  adjustment: LocalToUtcAdjustment;
};

export type FormatInZoneOptions = Omit<Intl.DateTimeFormatOptions, 'timeZone'> & { locale?: string };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

// Formatters are expensive to build and a list page formats many rows in the same zone; a zone
// with a cached formatter is also known to be valid.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string') return false;
  try {
    getPartsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at that instant, in minutes (east positive: London in summer is +60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const wall = readWallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Intl has whole-second resolution; drop the milliseconds so they do not leak into the offset.
  const instantSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - instantSeconds) / MINUTE_MS);
}

/** The wall-clock time in the zone, shaped for a datetime-local input. */
export function utcToZonedLocal(instant: Date, timeZone: string): LocalDateTime {
  const wall = readWallClock(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** Midnight UTC of a local date ('YYYY-MM-DD…'), for zone-free weekday and day-count arithmetic. */
export function localDayMs(local: LocalDateTime): number {
  return Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)));
}

// Aliases such as Etc/UTC and UTC name the same zone; comparing names alone would tell them apart.
// Building a formatter is costly and a feed asks for the same few zones thousands of times; only
// zones already validated reach here, so the cache holds real zones only.
const canonicalZones = new Map<string, string>();

/** The name Intl resolves the zone to (UTC for Etc/UTC), so two names of one zone compare equal. */
export function canonicalZone(timeZone: string): string {
  let canonical = canonicalZones.get(timeZone);
  if (canonical === undefined) {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
    canonicalZones.set(timeZone, canonical);
  }
  return canonical;
}

/**
 * Converts a wall-clock time in a zone to the instant it denotes.
 * - In a spring-forward gap the time does not exist; it is shifted forward by the gap length
 *   (02:30 in New York on the change night becomes 03:30 EDT), which is what people mean when they
 *   type a time "an hour into" the missing hour, and matches Temporal's 'compatible' choice.
 * - In a fall-back overlap the time happens twice; the earlier instant is chosen, because arriving
 *   an hour early to an interview is recoverable and arriving an hour late is not.
 * Either case is reported so the UI can tell the user what was assumed.
 */
export function zonedLocalToUtc(localDateTime: LocalDateTime, timeZone: string): LocalToUtcResult {
  assertTimeZone(timeZone);
  const wallAsUtc = parseLocalDateTime(localDateTime);

  // Offsets change at most once within a day either side in every real zone, so the offsets one
  // day before and after bracket every candidate.
  const offsetBefore = zoneOffsetMinutes(new Date(wallAsUtc - DAY_MS), timeZone);
  const offsetAfter = zoneOffsetMinutes(new Date(wallAsUtc + DAY_MS), timeZone);
  const matches = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((candidate) => utcToZonedLocal(new Date(candidate), timeZone) === localDateTime)
    .sort((a, b) => a - b);

  const earliest = matches[0];
  if (earliest !== undefined) {
    return { instant: new Date(earliest), adjustment: matches.length > 1 ? 'ambiguous-earlier' : 'none' };
  }
  // Reading the wall time with the pre-change offset lands after the change, displaced by exactly
  // the gap length.
  return { instant: new Date(wallAsUtc - offsetBefore * MINUTE_MS), adjustment: 'gap-shifted-forward' };
}

/**
 * Human-readable time in the interview's zone. Without date/time fields in `options` it shows e.g.
 * "Sun, 29 Mar 2026, 09:00 BST"; passing any field (or dateStyle/timeStyle) replaces those defaults.
 */
export function formatInZone(instant: Date, timeZone: string, options: FormatInZoneOptions = {}): string {
  assertTimeZone(timeZone);
  const { locale = 'en-GB', ...formatOptions } = options;
  const hasOwnFields = FIELD_OPTIONS.some((field) => formatOptions[field] !== undefined);
  const resolved: Intl.DateTimeFormatOptions = hasOwnFields
    ? { ...formatOptions, timeZone }
    : { ...DEFAULT_FORMAT, ...formatOptions, timeZone };
  return getDisplayFormatter(locale, resolved).format(instant);
}

/**
 * The place a zone is named after, as people write it: "New York" for America/New_York, "Buenos
 * Aires" for America/Argentina/Buenos_Aires. Null for zones that name no place (UTC, Etc/GMT+5).
 */
export function zoneCity(timeZone: string): string | null {
  const segments = timeZone.split('/');
  const last = segments.at(-1);
  if (segments.length < 2 || segments[0] === 'Etc' || !last) return null;
  return last.replaceAll('_', ' ');
}

// A real abbreviation is letters only; Intl writes "GMT-5" when its locale has none for the zone.
const LETTERS_ABBREVIATION = /^[A-Z]{2,5}$/;
// en-US knows the North American abbreviations (EST, PDT), en-GB the European ones (BST, CET).
const ABBREVIATION_LOCALES = ['en-US', 'en-GB'] as const;

/**
 * The zone's abbreviation at that instant as people read it ("EST", "BST", "CEST"), or, for
 * zones that have none in common use, the offset ("UTC+5:30", "UTC-3").
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  assertTimeZone(timeZone);
  for (const locale of ABBREVIATION_LOCALES) {
    const name = getDisplayFormatter(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && LETTERS_ABBREVIATION.test(name)) return name;
  }
  return formatUtcOffset(zoneOffsetMinutes(instant, timeZone));
}

// A zone's name at an instant depends on the zone and the offset in force (EST at -5:00, EDT at
// -4:00), so it is worked out once per pair: feeds and exports describe thousands of instants in a
// handful of zones, and the abbreviation lookup formats in two locales each time. Bounded, in case
// something describes every zone there is.
const zoneDescriptions = new Map<string, string>();
const ZONE_DESCRIPTIONS_MAX = 2_000;

/** "New York time, EST"; "Kolkata time, UTC+5:30"; "UTC" for a zone that names no place. */
export function describeTimeZone(instant: Date, timeZone: string): string {
  const key = `${timeZone}|${zoneOffsetMinutes(instant, timeZone)}`;
  let description = zoneDescriptions.get(key);
  if (description === undefined) {
    const abbreviation = zoneAbbreviation(instant, timeZone);
    const city = zoneCity(timeZone);
    description = city ? `${city} time, ${abbreviation}` : abbreviation;
    if (zoneDescriptions.size >= ZONE_DESCRIPTIONS_MAX) zoneDescriptions.clear();
    zoneDescriptions.set(key, description);
  }
  return description;
}

/**
 * The wall clock in the zone followed by the zone as people read it:
 * "Thu, 3 Dec 2026, 09:00 (New York time, EST)". Options pick the date and time fields as in
 * formatInZone; a timeZoneName among them is ignored, the description replaces it.
 */
export function formatWithZone(instant: Date, timeZone: string, options: FormatInZoneOptions = {}): string {
  const { timeZoneName: _ignored, ...fields } = options;
  const hasOwnFields = FIELD_OPTIONS.some((field) => field !== 'timeZoneName' && options[field] !== undefined);
  const { timeZoneName: _default, ...defaults } = DEFAULT_FORMAT;
  const clock = formatInZone(instant, timeZone, hasOwnFields ? fields : { ...defaults, ...fields });
  return `${clock} (${describeTimeZone(instant, timeZone)})`;
}

function formatUtcOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `UTC${sign}${hours}${minutes ? `:${pad(minutes)}` : ''}`;
}

// Building an Intl.DateTimeFormat costs far more than using one; exports format thousands of
// rows with a handful of distinct zones and option sets.
const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function getDisplayFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

const FIELD_OPTIONS = [
  'dateStyle',
  'timeStyle',
  'weekday',
  'era',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'timeZoneName',
] as const satisfies readonly (keyof Intl.DateTimeFormatOptions)[];

const DEFAULT_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function readWallClock(instant: Date, timeZone: string): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Cannot convert an invalid Date.');
  const parts = getPartsFormatter(timeZone).formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((candidate) => candidate.type === type);
    if (!part) throw new Error(`Intl did not return the ${type} for ${timeZone}.`);
    return Number(part.value);
  };
  return {
    year: read('year'),
    month: read('month'),
    day: read('day'),
    hour: read('hour'),
    minute: read('minute'),
    second: read('second'),
  };
}

function getPartsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = createPartsFormatter(timeZone);
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function createPartsFormatter(timeZone: string): Intl.DateTimeFormat {
  // Intl reads a missing zone as "the server's zone"; untyped callers must not get that silently.
  if (typeof timeZone !== 'string' || timeZone.trim() === '') throw unknownZone(timeZone);
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // h23, not hour12: false, which some ICU versions render as "24" at midnight.
      hourCycle: 'h23',
    });
  } catch {
    throw unknownZone(timeZone);
  }
}

function parseLocalDateTime(localDateTime: string): number {
  const match = LOCAL_PATTERN.exec(localDateTime);
  if (!match) throw new RangeError(`"${localDateTime}" is not a date and time in the form YYYY-MM-DDTHH:mm.`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC silently rolls 31 February over to March; a round trip catches impossible dates.
  const check = new Date(wallAsUtc);
  const isRealDate =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60;
  if (!isRealDate) throw new RangeError(`"${localDateTime}" is not a real date and time.`);
  return wallAsUtc;
}

function assertTimeZone(timeZone: string): void {
  getPartsFormatter(timeZone);
}

function unknownZone(timeZone: unknown): RangeError {
  return new RangeError(`"${String(timeZone)}" is not a known time zone.`);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

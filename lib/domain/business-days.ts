// Business-day arithmetic in the interview's own time zone. "Three business days" is what a
// recruiter experiences, so weekends are judged by the calendar where the employer is, not by
// the server's clock. Public holidays are not known here and count as business days.

export const FOLLOW_UP_BUSINESS_DAYS = 3;

const MS_PER_DAY = 86_400_000;

type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

function readWallTime(instant: Date, timeZone: string): WallTime {
  const parts = getFormatter(timeZone).formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  return {
    year: read('year'),
    month: read('month'),
    day: read('day'),
    hour: read('hour'),
    minute: read('minute'),
    second: read('second'),
    millisecond: instant.getUTCMilliseconds(),
  };
}

function wallTimeAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

function getZoneOffsetMs(instantMs: number, timeZone: string): number {
  return wallTimeAsUtcMs(readWallTime(new Date(instantMs), timeZone)) - instantMs;
}

// Two passes because the offset at the guessed instant can differ from the offset at the answer
// when a DST change lies between them. A wall time inside a spring-forward gap lands just after it.
function convertWallTimeToInstant(wall: WallTime, timeZone: string): Date {
  const asUtc = wallTimeAsUtcMs(wall);
  const firstGuess = asUtc - getZoneOffsetMs(asUtc, timeZone);
  const secondGuess = asUtc - getZoneOffsetMs(firstGuess, timeZone);
  return new Date(secondGuess);
}

function assertValidDate(date: Date, name: string): void {
  if (Number.isNaN(date.getTime())) throw new RangeError(`${name} is not a valid date.`);
}

// Day of the week of a calendar date, 0 = Sunday, independent of any zone.
function getWeekday(wall: WallTime): number {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
}

function isWeekendDay(weekday: number): boolean {
  return weekday === 0 || weekday === 6;
}

export function isBusinessDay(date: Date, timeZone: string): boolean {
  assertValidDate(date, 'date');
  return !isWeekendDay(getWeekday(readWallTime(date, timeZone)));
}

/**
 * Moves `n` weekdays forward (or back, when negative) from `date` as seen in `timeZone`, keeping
 * the local clock time. Every Monday–Friday stepped onto counts, so Friday + 1 is Monday and
 * Saturday + 1 is Monday as well.
 */
export function addBusinessDays(date: Date, n: number, timeZone: string): Date {
  assertValidDate(date, 'date');
  if (!Number.isInteger(n)) throw new RangeError(`The number of business days must be a whole number (got ${n}).`);

  const wall = readWallTime(date, timeZone);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let dayMs = Date.UTC(wall.year, wall.month - 1, wall.day);
  while (remaining > 0) {
    dayMs += step * MS_PER_DAY;
    if (!isWeekendDay(new Date(dayMs).getUTCDay())) remaining -= 1;
  }

  const target = new Date(dayMs);
  return convertWallTimeToInstant(
    { ...wall, year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: target.getUTCDate() },
    timeZone,
  );
}

export function getFollowUpDueAt(askedAt: Date, timeZone: string): Date {
  return addBusinessDays(askedAt, FOLLOW_UP_BUSINESS_DAYS, timeZone);
}

/** True once three business days have passed since the reschedule request was made. */
export function isFollowUpDue(askedAt: Date, now: Date, timeZone: string): boolean {
  assertValidDate(now, 'now');
  return now.getTime() >= getFollowUpDueAt(askedAt, timeZone).getTime();
}

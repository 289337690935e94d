// Quiet hours: a daily period, in the user's zone, when nothing should buzz. Periods may wrap
// midnight (22:00–07:00). The edges are wall-clock times, so on the nights the clocks change a
// period is an hour shorter or longer in real time, which is what "quiet until 07:00" means.
import { utcToZonedLocal, zonedLocalToUtc } from './time';

export type ClockTime = string; // 'HH:mm', 24-hour

export type QuietHours = { start: ClockTime; end: ClockTime };

export type QuietPeriod = { start: Date; end: Date };

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && CLOCK_PATTERN.test(value);
}

/**
 * The quiet period that contains `instant` (start inclusive, end exclusive), or null. Equal
 * edges mean no quiet hours at all rather than a whole day of silence; so do malformed ones,
 * because a stored preference that no longer parses must not stop every reminder.
 */
export function findQuietPeriod(instant: Date, quiet: QuietHours, timeZone: string): QuietPeriod | null {
  if (!isClockTime(quiet.start) || !isClockTime(quiet.end) || quiet.start === quiet.end) return null;
  const wraps = quiet.start > quiet.end;
  const today = utcToZonedLocal(instant, timeZone).slice(0, 10);
  // A period that wraps midnight and contains the instant began on the local day before or on
  // that day; one that does not wrap can only have begun that day.
  const startDays = wraps ? [shiftDay(today, -1), today] : [today];
  for (const day of startDays) {
    const start = zonedLocalToUtc(`${day}T${quiet.start}`, timeZone).instant;
    const end = zonedLocalToUtc(`${wraps ? shiftDay(day, 1) : day}T${quiet.end}`, timeZone).instant;
    if (start.getTime() <= instant.getTime() && instant.getTime() < end.getTime()) return { start, end };
  }
  return null;
}

export type QuietHoursDecision =
  { action: 'keep'; at: Date } | { action: 'after'; at: Date } | { action: 'before'; at: Date } | { action: 'drop' };

/**
 * Where a reminder due at `dueAt` goes when quiet hours are set.
 * - Outside quiet hours it stays.
 * - Inside, it moves to the end of the quiet period while that end is still before the moment
 *   the reminder stops being useful.
 * - Otherwise it is sent earlier, at the last minute before the period began (a leave-by time
 *   at 06:00 behind quiet hours until 07:00 arrives the evening before, while the user is still
 *   awake to plan for it), provided that minute has not passed yet.
 * - If that minute has passed too, the reminder is dropped: the user asked for quiet, and a
 *   notification that arrives too late to act on is noise.
 */
export function placeAroundQuietHours(input: {
  dueAt: Date;
  latestUsefulAt: Date;
  now: Date;
  quiet: QuietHours | null;
  timeZone: string;
}): QuietHoursDecision {
  const { dueAt, latestUsefulAt, now, quiet, timeZone } = input;
  const period = quiet ? findQuietPeriod(dueAt, quiet, timeZone) : null;
  if (!period) return { action: 'keep', at: dueAt };
  if (period.end.getTime() < latestUsefulAt.getTime()) return { action: 'after', at: period.end };
  const before = new Date(period.start.getTime() - 60_000);
  if (before.getTime() >= now.getTime()) return { action: 'before', at: before };
  return { action: 'drop' };
}

function shiftDay(localDate: string, days: number): string {
  const [year = 0, month = 1, day = 1] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

// Business-day arithmetic in the interview's own time zone. "Three business days" is what a
// recruiter experiences, so weekends are judged by the calendar where the employer is, not by
// the server's clock. Public holidays are not known here and count as business days.

import { localDayMs, utcToZonedLocal, zonedLocalToUtc } from './time';

export const FOLLOW_UP_BUSINESS_DAYS = 3;

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

function assertValidDate(date: Date, name: string): void {
  if (Number.isNaN(date.getTime())) throw new RangeError(`${name} is not a valid date.`);
}

function isWeekendDay(weekday: number): boolean {
  return weekday === 0 || weekday === 6;
}

export function isBusinessDay(date: Date, timeZone: string): boolean {
  assertValidDate(date, 'date');
  return !isWeekendDay(new Date(localDayMs(utcToZonedLocal(date, timeZone))).getUTCDay());
}

/**
 * Moves `n` weekdays forward (or back, when negative) from `date` as seen in `timeZone`, keeping
 * the local clock time. Every Monday–Friday stepped onto counts, so Friday + 1 is Monday and
 * Saturday + 1 is Monday as well.
 */
export function addBusinessDays(date: Date, n: number, timeZone: string): Date {
  assertValidDate(date, 'date');
  if (!Number.isInteger(n)) throw new RangeError(`The number of business days must be a whole number (got ${n}).`);

  const local = utcToZonedLocal(date, timeZone);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let dayMs = localDayMs(local);
  while (remaining > 0) {
    dayMs += step * MS_PER_DAY;
    if (!isWeekendDay(new Date(dayMs).getUTCDay())) remaining -= 1;
  }

  const targetDay = new Date(dayMs).toISOString().slice(0, 10);
  const { instant } = zonedLocalToUtc(`${targetDay}T${local.slice(11, 16)}`, timeZone);
  // Local times here have minute precision; zone offsets are whole minutes, so the seconds
  // of the original instant carry over unchanged.
  const subMinute = ((date.getTime() % MS_PER_MINUTE) + MS_PER_MINUTE) % MS_PER_MINUTE;
  return new Date(instant.getTime() + subMinute);
}

export function getFollowUpDueAt(askedAt: Date, timeZone: string): Date {
  return addBusinessDays(askedAt, FOLLOW_UP_BUSINESS_DAYS, timeZone);
}

/** True once three business days have passed since the reschedule request was made. */
export function isFollowUpDue(askedAt: Date, now: Date, timeZone: string): boolean {
  assertValidDate(now, 'now');
  return now.getTime() >= getFollowUpDueAt(askedAt, timeZone).getTime();
}

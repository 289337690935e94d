import { formatInZone } from '@/lib/domain/time';

/** Formats an instant for the signed-in user; built once per page on the server. */
export type Formatter = (date: Date) => string;

export function makeFormatter(timeZone: string): Formatter {
  return (date) => formatInZone(date, timeZone, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "YYYY-MM-DD" today in the zone, the earliest day a date input should offer. */
export function todayInZone(timeZone: string, now = new Date()): string {
  return formatInZone(now, timeZone, { locale: 'en-CA', year: 'numeric', month: '2-digit', day: '2-digit' });
}

// A date and a time typed into a form, in the interview's zone, as the instant to store, with a
// sentence for the user when the clocks made that wall-clock time missing or doubled.
import { formatInZone, zonedLocalToUtc, type LocalToUtcAdjustment } from './time';

export type TimeAdjustment = { adjustment: LocalToUtcAdjustment; message: string | null };

/** The instant of a local date and time in a zone, and what was adjusted to get there. */
export function resolveLocalStart(date: string, time: string, timeZone: string): { instant: Date } & TimeAdjustment {
  const { instant, adjustment } = zonedLocalToUtc(`${date}T${time}`, timeZone);
  const shown = formatInZone(instant, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const message =
    adjustment === 'gap-shifted-forward'
      ? `${time} does not exist on ${date} in ${timeZone}: the clocks go forward then. It was saved as ${shown}, the first time that exists after it. Check the time with the employer.`
      : adjustment === 'ambiguous-earlier'
        ? `${time} happens twice on ${date} in ${timeZone} (the clocks go back). It was saved as the first of the two; check which one the employer means.`
        : null;
  return { instant, adjustment, message };
}

import { describeTimeZone, formatInZone, zoneOffsetMinutes } from '@/lib/domain/time';

const FIELDS = {
  full: {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const;

type Props = { start: Date; timeZone: string; userTimeZone: string; fields?: keyof typeof FIELDS };

/**
 * A time in the interview's own zone, named the way people read it ("New York time, EST"), and
 * the user's own time with its zone beside it when the clocks differ.
 */
export function InterviewTime({ start, timeZone, userTimeZone, fields = 'full' }: Props) {
  const differs = zoneOffsetMinutes(start, timeZone) !== zoneOffsetMinutes(start, userTimeZone);
  return (
    <span>
      <time dateTime={start.toISOString()}>
        {formatInZone(start, timeZone, FIELDS[fields])} ({describeTimeZone(start, timeZone)})
      </time>
      {differs ? (
        <span className="text-slate-600">
          {' · '}
          {formatInZone(start, userTimeZone, FIELDS[fields])} your time ({describeTimeZone(start, userTimeZone)})
        </span>
      ) : null}
    </span>
  );
}

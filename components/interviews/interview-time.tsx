import { formatInZone, zoneOffsetMinutes } from '@/lib/domain/time';

const long = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } as const;

/** The time in the interview's own zone, and in the user's zone beside it when they differ. */
export function InterviewTime({ start, timeZone, userTimeZone }: { start: Date; timeZone: string; userTimeZone: string }) {
  const differs = zoneOffsetMinutes(start, timeZone) !== zoneOffsetMinutes(start, userTimeZone);
  return (
    <span>
      <time dateTime={start.toISOString()}>{formatInZone(start, timeZone, long)}</time>
      {differs ? <span className="text-slate-500"> ({formatInZone(start, userTimeZone, long)} your time)</span> : null}
    </span>
  );
}

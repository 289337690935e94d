import { Card } from '@/components/ui/card';
import { formatInZone } from '@/lib/domain/time';

type Props = { events: readonly { id: string; occurredAt: Date; summary: string }[]; timeZone: string };

/** What happened to the interview, newest first, in the user's zone. */
export function InterviewTimelineSection({ events, timeZone }: Props) {
  return (
    <Card title="Timeline">
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing has happened yet.</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {events.map((event) => (
            <li key={event.id} className="flex gap-3">
              <time dateTime={event.occurredAt.toISOString()} className="w-44 shrink-0 text-slate-500">
                {formatInZone(event.occurredAt, timeZone, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
              <span>{event.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

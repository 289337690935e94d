import { Card } from '@/components/ui/card';
import { TIME_CHANGE_SOURCE_LABELS, type InterviewTimeChangeView } from '@/lib/domain/interview-time-changes';
import { formatWithZone } from '@/lib/domain/time';

/** "Moved by the employer's invitation from … to …", one line per change, oldest first. */
export function InterviewTimeChangesSection({ changes }: { changes: readonly InterviewTimeChangeView[] }) {
  if (changes.length === 0) return null;
  return (
    <Card title="Time changes">
      <ol className="space-y-2 text-sm text-slate-700">
        {changes.map((change) => (
          <li key={change.id}>
            {TIME_CHANGE_SOURCE_LABELS[change.requestedBy]} from{' '}
            <time dateTime={change.fromStart.toISOString()}>
              {formatWithZone(change.fromStart, change.fromTimeZone)}
            </time>{' '}
            to <time dateTime={change.toStart.toISOString()}>{formatWithZone(change.toStart, change.toTimeZone)}</time>
            {change.fromDurationMinutes !== change.toDurationMinutes
              ? `, ${change.fromDurationMinutes} → ${change.toDurationMinutes} min`
              : ''}
            .
          </li>
        ))}
      </ol>
    </Card>
  );
}

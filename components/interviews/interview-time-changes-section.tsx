import { Card } from '@/components/ui/card';
import {
  TIME_CHANGE_SOURCE_LABELS,
  movedHeading,
  rescheduleReasonLabel,
  type InterviewTimeChangeView,
} from '@/lib/domain/interview-time-changes';
import { formatWithZone } from '@/lib/domain/time';

/**
 * "Moved twice:" then one line per move, oldest first: who asked, why, and the old and new time,
 * both in the zone the interview is held in now so the two read side by side. Every change of
 * zone is itself a move, so the newest move's zone is the interview's.
 */
export function InterviewTimeChangesSection({ changes }: { changes: readonly InterviewTimeChangeView[] }) {
  const heading = movedHeading(changes.length);
  const latest = changes.at(-1);
  if (!heading || !latest) return null;
  const timeZone = latest.toTimeZone;
  return (
    <Card title="Time changes">
      <p className="mb-2 text-sm font-medium text-slate-900">{heading}:</p>
      <ol className="space-y-2 text-sm text-slate-700">
        {changes.map((change) => {
          // An invitation's move says why in its own label; its stored reason would repeat it.
          const why =
            change.requestedBy === 'INVITATION'
              ? ''
              : [rescheduleReasonLabel(change.reasonCategory), change.reason].filter(Boolean).join(': ');
          return (
            <li key={change.id}>
              {TIME_CHANGE_SOURCE_LABELS[change.requestedBy]}
              {why ? ` (${why})` : ''} from{' '}
              <time dateTime={change.fromStart.toISOString()}>{formatWithZone(change.fromStart, timeZone)}</time> to{' '}
              <time dateTime={change.toStart.toISOString()}>{formatWithZone(change.toStart, timeZone)}</time>
              {change.fromDurationMinutes !== change.toDurationMinutes
                ? `, ${change.fromDurationMinutes} → ${change.toDurationMinutes} min`
                : ''}
              .
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

import type { Recovery } from '@/lib/domain/recovery-view';
import { ROOT_CAUSE_LABELS } from '@/lib/domain/lesson-rules';
import type { Formatter } from './format';
import { OUTCOME_LABELS } from '@/lib/domain/recovery-labels';
import { TextLink } from '@/components/ui/text-link';

/** The end of the flow: how it ended and the lesson kept, with the way to the lessons list. */
export function ClosedSummary({ recovery, format }: { recovery: Recovery; format: Formatter }) {
  const { incident, lesson } = recovery;
  return (
    <section
      aria-labelledby="closed-summary-title"
      className="space-y-2 rounded-lg border border-green-200 bg-green-50 p-5"
    >
      <h2 id="closed-summary-title" className="text-lg font-semibold text-green-900">
        Recovery closed
      </h2>
      <p className="text-sm">
        {incident.closedAt ? `Closed ${format(incident.closedAt)}. ` : ''}
        Outcome: <strong>{incident.outcome ? OUTCOME_LABELS[incident.outcome] : 'not recorded'}</strong>.
      </p>
      {lesson ? (
        <div className="space-y-1 text-sm">
          <p>
            <span className="font-medium">Lesson kept:</span> {ROOT_CAUSE_LABELS[lesson.rootCause]}.{' '}
            {lesson.whatHappened}
          </p>
          <ul className="list-disc pl-5">
            {lesson.actions.map((action) => (
              <li key={action.id}>{action.text}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm">No lesson was kept for this one.</p>
      )}
      <p className="text-sm">
        <TextLink href="/lessons" className="font-medium">
          Review your lessons
        </TextLink>{' '}
        before your next interview.
      </p>
    </section>
  );
}

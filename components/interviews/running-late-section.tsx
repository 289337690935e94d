import { RunningLate } from './running-late';
import { Card } from '@/components/ui/card';
import type { InterviewFacts } from '@/lib/domain/interview-facts';
import {
  describeLateNotice,
  findLateNotice,
  isLateMinutes,
  listLateChoices,
  pickDefaultLateMinutes,
} from '@/lib/domain/late-notice';

type Props = {
  interview: Required<
    Pick<
      InterviewFacts,
      | 'id'
      | 'status'
      | 'scheduledStart'
      | 'durationMinutes'
      | 'travelMinutes'
      | 'bufferMinutes'
      | 'timeZone'
      | 'format'
      | 'contactName'
      | 'contactEmail'
      | 'contactPhone'
    >
  > & { activityEvents: readonly { type: string; occurredAt: Date; details: unknown }[] };
  candidateName: string | null;
  now: Date;
  /** `?late=N` from the dashboard's chips: the delay already chosen. */
  requestedMinutes?: string | string[];
};

/**
 * The interview page's "Running late?" card: offered shortly before the start until a little
 * after it, and afterwards the line that says what the user told them.
 */
export function RunningLateSection({ interview, candidateName, now, requestedMinutes }: Props) {
  const told = findLateNotice(interview.activityEvents);
  const choices = listLateChoices(interview, now);
  const requested = typeof requestedMinutes === 'string' ? Number(requestedMinutes) : NaN;
  const defaultMinutes =
    isLateMinutes(requested) && choices.some((value) => value === requested)
      ? requested
      : pickDefaultLateMinutes(interview, now);
  if (!told && defaultMinutes === null) return null;
  return (
    <div id="running-late" className="scroll-mt-4">
      <Card title="Running late?">
        <div className="space-y-4">
          {told ? (
            <p role="status" className="font-medium text-amber-900">
              {describeLateNotice(told, interview.timeZone)}.
            </p>
          ) : null}
          {defaultMinutes !== null ? (
            <RunningLate
              interviewId={interview.id}
              facts={{ ...interview, candidateName }}
              contactEmail={interview.contactEmail}
              contactPhone={interview.contactPhone}
              choices={choices}
              defaultMinutes={defaultMinutes}
              now={now}
            />
          ) : null}
        </div>
      </Card>
    </div>
  );
}

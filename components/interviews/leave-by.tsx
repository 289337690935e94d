import { InterviewTime } from './interview-time';
import { EXTRA_BUFFER_MINUTES, ROOT_CAUSE_LABELS, type PreventionHint } from '@/lib/domain/lesson-rules';
import { planLeaveBy } from '@/lib/domain/travel';

type Props = {
  interview: { scheduledStart: Date; timeZone: string; travelMinutes: number | null; bufferMinutes: number | null };
  hints: readonly PreventionHint[];
  userTimeZone: string;
};

/**
 * The one leave-by time of an interview. A traffic lesson's extra minutes are part of it, and the
 * sentence says so, rather than the lesson hint showing a second, different time.
 */
export function LeaveBy({ interview, hints, userTimeZone }: Props) {
  const lessonCauses = [
    ...new Set(
      hints
        .filter((hint) => hint.kind === 'extra-buffer')
        .map((hint) => ROOT_CAUSE_LABELS[hint.rootCause].toLowerCase()),
    ),
  ];
  const plan = planLeaveBy({
    start: interview.scheduledStart,
    travelMinutes: interview.travelMinutes,
    bufferMinutes: interview.bufferMinutes,
    lessonExtraMinutes: lessonCauses.length > 0 ? EXTRA_BUFFER_MINUTES : 0,
  });
  if (!plan) return null;
  const parts = `${plan.travelMinutes} min travel, ${plan.bufferMinutes} min buffer and ${plan.earlyArrivalMinutes} min to arrive early`;
  return (
    <span>
      Leave by{' '}
      <strong>
        <InterviewTime start={plan.leaveBy} timeZone={interview.timeZone} userTimeZone={userTimeZone} fields="time" />
      </strong>
      {plan.lessonExtraMinutes > 0
        ? `. It includes ${plan.lessonExtraMinutes} min extra from your lesson (${lessonCauses.join(', ')}), besides ${parts}.`
        : `: ${parts}.`}
    </span>
  );
}

import { StatusActions } from './status-actions';
import { Card } from '@/components/ui/card';
import { allowedTransitions, type InterviewStatus } from '@/lib/domain/interview-status';
import { describeLateNotice, findLateNotice } from '@/lib/domain/late-notice';

type Props = {
  interview: {
    id: string;
    status: InterviewStatus;
    scheduledStart: Date;
    timeZone: string;
    activityEvents: readonly { type: string; occurredAt: Date; details: unknown }[];
  };
  now: Date;
  /** The reschedule form starts open (the link from a reminder asks for it). */
  openReschedule: boolean;
};

/** What can happen to the interview next: the status changes its status allows, reschedule, delete. */
export function InterviewActionsSection({ interview, now, openReschedule }: Props) {
  const told = findLateNotice(interview.activityEvents);
  return (
    <Card title="Actions">
      <StatusActions
        interviewId={interview.id}
        status={interview.status}
        allowed={allowedTransitions(interview.status)}
        isUpcoming={interview.scheduledStart > now}
        openReschedule={openReschedule}
        toldLate={told ? describeLateNotice(told, interview.timeZone) : null}
      />
    </Card>
  );
}

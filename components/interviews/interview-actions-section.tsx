import { StatusActions } from './status-actions';
import { Card } from '@/components/ui/card';
import { allowedTransitions, type InterviewStatus } from '@/lib/domain/interview-status';

type Props = {
  interview: { id: string; status: InterviewStatus; scheduledStart: Date };
  now: Date;
  /** The reschedule form starts open (the link from a reminder asks for it). */
  openReschedule: boolean;
};

/** What can happen to the interview next: the status changes its status allows, reschedule, delete. */
export function InterviewActionsSection({ interview, now, openReschedule }: Props) {
  return (
    <Card title="Actions">
      <StatusActions
        interviewId={interview.id}
        status={interview.status}
        allowed={allowedTransitions(interview.status)}
        isUpcoming={interview.scheduledStart > now}
        openReschedule={openReschedule}
      />
    </Card>
  );
}

import { LeaveBy } from './leave-by';
import { PrepChecklist } from './prep-checklist';
import { Card } from '@/components/ui/card';
import type { InterviewFormat } from '@/lib/domain/interview-format';
import type { PreventionHint } from '@/lib/domain/lesson-rules';
import { isSecondChance, prepItemsFor } from '@/lib/domain/prep-checklist';

type Props = {
  interview: {
    id: string;
    format: InterviewFormat;
    scheduledStart: Date;
    timeZone: string;
    travelMinutes: number | null;
    bufferMinutes: number | null;
    rescheduledFrom: { _count: { incidents: number } } | null;
    /** The ticks as stored: item id → when it was ticked. */
    prepChecklist: unknown;
  };
  hints: readonly PreventionHint[];
  userTimeZone: string;
};

/** When to leave, and the checklist for this kind of interview (a second chance has its own items first). */
export function InterviewPreparationSection({ interview, hints, userTimeZone }: Props) {
  const items = prepItemsFor(interview.format, isSecondChance(interview));
  const ticks = (interview.prepChecklist ?? {}) as Record<string, string>;
  return (
    <Card
      title="Preparation"
      description={
        interview.travelMinutes !== null ? (
          <LeaveBy interview={interview} hints={hints} userTimeZone={userTimeZone} />
        ) : interview.format === 'IN_PERSON' ? (
          'Add the travel time (edit the interview) to get a leave-by time.'
        ) : undefined
      }
    >
      <PrepChecklist interviewId={interview.id} items={items} ticks={ticks} />
    </Card>
  );
}

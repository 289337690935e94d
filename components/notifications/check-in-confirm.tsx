'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useAction } from '@/components/forms/use-action';
import { recordArrivedLateAction } from '@/lib/actions/late-notices';
import { confirmCheckInAction } from '@/lib/actions/notifications';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The check-in link's page: nothing is recorded until one of these is pressed. */
export function CheckInConfirm({
  token,
  interviewId,
  suggested,
  toldLate = false,
}: {
  token: string;
  interviewId: string;
  suggested: 'happened' | 'missed' | null;
  /** They told the employer they would be late: the answers are made it / made it late / missed it. */
  toldLate?: boolean;
}) {
  const router = useRouter();
  // A ref, not state: the success handler of this very click must see it.
  const isLate = useRef(false);
  const markLate = useAction(recordArrivedLateAction, {
    onSuccess: () => router.push(`/interviews/${interviewId}`),
  });
  const confirmCheckIn = useAction(confirmCheckInAction, {
    onSuccess: async (_data, { answer }) => {
      // The link is spent and the interview attended; "late" is then added on the timeline.
      if (answer === 'happened' && isLate.current) return markLate.execute({ interviewId });
      router.push(
        answer === 'happened' ? `/interviews/${interviewId}` : `/interviews/${interviewId}/recover?kind=MISSED`,
      );
    },
  });
  const pending = confirmCheckIn.isPending || markLate.isPending;
  const confirm = (answer: 'happened' | 'missed', late = false) => {
    isLate.current = late;
    void confirmCheckIn.execute({ token, answer });
  };
  return (
    <div className="space-y-4">
      {(confirmCheckIn.error ?? markLate.error) ? (
        <Alert tone="error">{confirmCheckIn.error ?? markLate.error}</Alert>
      ) : null}
      <div role="group" aria-label="Did it happen?" className="flex flex-wrap gap-2">
        <Button
          variant={suggested === 'missed' ? 'secondary' : 'primary'}
          pending={pending}
          onClick={() => confirm('happened')}
        >
          {toldLate ? 'Made it' : 'Yes, I attended'}
        </Button>
        {toldLate ? (
          <Button variant="secondary" pending={pending} onClick={() => confirm('happened', true)}>
            Made it, late
          </Button>
        ) : null}
        <Button
          variant={suggested === 'missed' ? 'danger' : 'secondary'}
          pending={pending}
          onClick={() => confirm('missed')}
        >
          {toldLate ? 'Missed it' : 'No, I missed it'}
        </Button>
      </div>
    </div>
  );
}

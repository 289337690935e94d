'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { confirmCheckInAction } from '@/lib/actions/notifications';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The check-in link's page: nothing is recorded until one of these is pressed. */
export function CheckInConfirm({
  token,
  interviewId,
  suggested,
}: {
  token: string;
  interviewId: string;
  suggested: 'happened' | 'missed' | null;
}) {
  const router = useRouter();
  const confirmCheckIn = useAction(confirmCheckInAction, {
    onSuccess: (_data, { answer }) =>
      router.push(
        answer === 'happened' ? `/interviews/${interviewId}` : `/interviews/${interviewId}/recover?kind=MISSED`,
      ),
  });
  const pending = confirmCheckIn.isPending;
  const confirm = (answer: 'happened' | 'missed') => void confirmCheckIn.execute({ token, answer });
  return (
    <div className="space-y-4">
      {confirmCheckIn.error ? <Alert tone="error">{confirmCheckIn.error}</Alert> : null}
      <div role="group" aria-label="Did it happen?" className="flex flex-wrap gap-2">
        <Button
          variant={suggested === 'missed' ? 'secondary' : 'primary'}
          pending={pending}
          onClick={() => confirm('happened')}
        >
          Yes, I attended
        </Button>
        <Button
          variant={suggested === 'missed' ? 'danger' : 'secondary'}
          pending={pending}
          onClick={() => confirm('missed')}
        >
          No, I missed it
        </Button>
      </div>
    </div>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { confirmCheckInAction } from '@/lib/actions/notifications';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The check-in link's page: nothing is recorded until one of these is pressed. */
export function CheckInConfirm({ token, interviewId, suggested }: { token: string; interviewId: string; suggested: 'happened' | 'missed' | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const confirm = (answer: 'happened' | 'missed') =>
    startTransition(async () => {
      setError(null);
      const result = await confirmCheckInAction({ token, answer });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      router.push(answer === 'happened' ? `/interviews/${interviewId}` : `/interviews/${interviewId}/recover?kind=MISSED`);
    });
  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div role="group" aria-label="Did it happen?" className="flex flex-wrap gap-2">
        <Button variant={suggested === 'missed' ? 'secondary' : 'primary'} pending={pending} onClick={() => confirm('happened')}>
          Yes, I attended
        </Button>
        <Button variant={suggested === 'missed' ? 'danger' : 'secondary'} pending={pending} onClick={() => confirm('missed')}>
          No, I missed it
        </Button>
      </div>
    </div>
  );
}

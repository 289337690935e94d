'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { startNoShowAction } from '@/lib/actions/incidents';
import { Button } from '@/components/ui/button';

type Props = { interviewId: string; idempotencyKey: string };

/**
 * "They didn't show up": opens the employer's no-show and goes to it. Pending while it runs, and
 * the server locks the interview, so a double click or a second tab lands on the same incident.
 */
export function NoShowStartButton({ interviewId, idempotencyKey }: Props) {
  const router = useRouter();
  const start = useAction(startNoShowAction, {
    onSuccess: ({ incidentId }) => router.push(`/incidents/${incidentId}`),
    onError: () => router.refresh(),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        pending={start.isPending}
        onClick={() => void start.execute({ interviewId, idempotencyKey })}
      >
        {start.isPending ? 'Opening…' : 'They didn’t show up'}
      </Button>
      {start.error ? (
        <span role="alert" className="text-sm text-red-700">
          {start.error}
        </span>
      ) : null}
    </div>
  );
}

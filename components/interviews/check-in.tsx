'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { changeInterviewStatusAction } from '@/lib/actions/interviews';
import { Button } from '@/components/ui/button';

/**
 * The after-the-start question that catches misses: one click per answer. The interview page
 * keeps its own "Rescheduled by employer" control, so it leaves that answer out.
 */
export function CheckIn({ interviewId, showReschedule = true }: { interviewId: string; showReschedule?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div role="group" aria-label="How did it go?" className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await changeInterviewStatusAction({ id: interviewId, status: 'COMPLETED' });
            if (!result.ok) setError(result.message);
            router.refresh();
          })
        }
      >
        Attended
      </Button>
      <Link href={`/interviews/${interviewId}/recover?kind=MISSED`} className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800">
        Missed
      </Link>
      {showReschedule ? (
        <Link href={`/interviews/${interviewId}?reschedule=1`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
          Rescheduled by employer
        </Link>
      ) : null}
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}

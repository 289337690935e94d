'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { changeInterviewStatusAction } from '@/lib/actions/interviews';
import { Button } from '@/components/ui/button';

/**
 * The after-the-start question that catches misses: one click per answer. The interview page
 * keeps its own "Rescheduled by employer" control, so it leaves that answer out.
 */
export function CheckIn({ interviewId, showReschedule = true }: { interviewId: string; showReschedule?: boolean }) {
  const router = useRouter();
  // Refreshed either way: a refusal usually means the interview changed elsewhere.
  const markAttended = useAction(changeInterviewStatusAction, {
    onSuccess: () => router.refresh(),
    onError: () => router.refresh(),
  });
  return (
    <div role="group" aria-label="How did it go?" className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        pending={markAttended.isPending}
        onClick={() => void markAttended.execute({ id: interviewId, status: 'COMPLETED' })}
      >
        Attended
      </Button>
      <Link
        href={`/interviews/${interviewId}/recover?kind=MISSED`}
        className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800"
      >
        Missed
      </Link>
      {showReschedule ? (
        <Link
          href={`/interviews/${interviewId}?reschedule=1`}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          Rescheduled by employer
        </Link>
      ) : null}
      {markAttended.error ? (
        <span role="alert" className="text-sm text-red-700">
          {markAttended.error}
        </span>
      ) : null}
    </div>
  );
}

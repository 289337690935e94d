'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { changeInterviewStatusAction } from '@/lib/actions/interviews';
import { recordArrivedLateAction } from '@/lib/actions/late-notices';
import { Button } from '@/components/ui/button';

/**
 * The after-the-start question that catches misses: one click per answer. The interview page
 * keeps its own "Rescheduled by employer" control, so it leaves that answer out. After a
 * running-late notice (`toldLate` says what was told) the answers are made it / made it late /
 * missed it.
 */
export function CheckIn({
  interviewId,
  showReschedule = true,
  toldLate = null,
}: {
  interviewId: string;
  showReschedule?: boolean;
  toldLate?: string | null;
}) {
  const router = useRouter();
  // Refreshed either way: a refusal usually means the interview changed elsewhere.
  const markAttended = useAction(changeInterviewStatusAction, {
    onSuccess: () => router.refresh(),
    onError: () => router.refresh(),
  });
  const markLate = useAction(recordArrivedLateAction, {
    onSuccess: () => router.refresh(),
    onError: () => router.refresh(),
  });
  const error = markAttended.error ?? markLate.error;
  const pending = markAttended.isPending || markLate.isPending;
  return (
    <div role="group" aria-label="How did it go?" className="flex flex-wrap items-center gap-2">
      {toldLate ? <p className="w-full text-sm text-slate-700">{toldLate}. How did it go?</p> : null}
      <Button
        variant="secondary"
        pending={pending}
        onClick={() => void markAttended.execute({ id: interviewId, status: 'COMPLETED' })}
      >
        {toldLate ? 'Made it' : 'Attended'}
      </Button>
      {toldLate ? (
        <Button variant="secondary" pending={pending} onClick={() => void markLate.execute({ interviewId })}>
          Made it, late
        </Button>
      ) : null}
      <Link
        href={`/interviews/${interviewId}/recover?kind=MISSED`}
        className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800"
      >
        {toldLate ? 'Missed it' : 'Missed'}
      </Link>
      {showReschedule ? (
        <Link
          href={`/interviews/${interviewId}?reschedule=1`}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
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

'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { markApplicationGhostedAction, recordReplyAction } from '@/lib/actions/applications';
import type { GhostState } from '@/lib/domain/ghosting';
import { formatInZone } from '@/lib/domain/time';

type Props = {
  applicationId: string;
  stageId: string;
  lastReplyAt: Date | null;
  ghost: GhostState;
  canMarkGhosted: boolean;
  timeZone: string;
};

/**
 * Where the employer stands: the last reply the user recorded and a button to record one now,
 * and, once the stage's no-reply period has passed, a notice; after a second period, the offer
 * to mark it Ghosted in one click (never done for them).
 */
export function ApplicationReply({ applicationId, stageId, lastReplyAt, ghost, canMarkGhosted, timeZone }: Props) {
  const router = useRouter();
  const refresh = () => router.refresh();
  const reply = useAction(recordReplyAction, { onSuccess: refresh });
  const ghosted = useAction(markApplicationGhostedAction, { onSuccess: refresh });
  const format = (date: Date) => formatInZone(date, timeZone, { dateStyle: 'medium' });

  return (
    <section aria-labelledby="reply-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="reply-heading" className="text-lg font-semibold">
        Replies
      </h2>
      {reply.error ? <Alert tone="error">{reply.error}</Alert> : null}
      {ghosted.error ? <Alert tone="error">{ghosted.error}</Alert> : null}
      {ghost.kind === 'suggest-ghosted' ? (
        <div
          role="status"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <p>
            <strong>No reply since {format(ghost.since)}</strong>
            {canMarkGhosted ? ' — mark as Ghosted?' : '.'}
          </p>
          {canMarkGhosted ? (
            <Button
              type="button"
              variant="secondary"
              pending={ghosted.isPending}
              onClick={() => void ghosted.execute({ id: applicationId, expectedStageId: stageId })}
            >
              Mark as Ghosted
            </Button>
          ) : null}
        </div>
      ) : null}
      {ghost.kind === 'no-reply' ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-900">
          No reply since {format(ghost.since)}. A short, polite follow-up often gets an answer.
        </p>
      ) : null}
      <p className="text-sm text-slate-700">
        {lastReplyAt ? `Last reply: ${format(lastReplyAt)}` : 'No reply recorded yet.'}
      </p>
      <Button
        type="button"
        variant="secondary"
        pending={reply.isPending}
        onClick={() => void reply.execute({ id: applicationId })}
      >
        Record a reply
      </Button>
    </section>
  );
}

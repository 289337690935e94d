'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { resolveNoShowCheckAction } from '@/lib/actions/incidents';
import { NO_SHOW_FINDINGS, NO_SHOW_FINDING_LABELS } from '@/lib/domain/employer-no-show';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** What the checks found, one click each; a mistake on the candidate's side moves to their own miss. */
export function NoShowFindingButtons({ incidentId }: { incidentId: string }) {
  const router = useRouter();
  const resolve = useAction(resolveNoShowCheckAction, { onSuccess: () => router.refresh() });
  return (
    <div className="space-y-2">
      {resolve.error ? <Alert tone="error">{resolve.error}</Alert> : null}
      <div role="group" aria-label="What did your checks find?" className="flex flex-col gap-2 sm:items-start">
        {NO_SHOW_FINDINGS.map((finding) => (
          <Button
            key={finding}
            variant={finding === 'ALL_CORRECT' ? 'primary' : 'secondary'}
            pending={resolve.isPending}
            className="text-left"
            onClick={() => void resolve.execute({ incidentId, finding })}
          >
            {NO_SHOW_FINDING_LABELS[finding]}
          </Button>
        ))}
      </div>
    </div>
  );
}

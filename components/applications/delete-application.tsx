'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { deleteApplicationAction } from '@/lib/actions/applications';

type Counts = { rounds: number; recoveries: number; messages: number; lessons: number };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Deleting an application, after a confirmation that says what goes with it and what stays. */
export function DeleteApplication({ applicationId, counts }: { applicationId: string; counts: Counts }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(deleteApplicationAction, {
    onSuccess: () => {
      router.push('/applications');
      router.refresh();
    },
  });

  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-lg border border-red-200 bg-white p-4">
      <h2 id="delete-heading" className="text-lg font-semibold">
        Delete this application
      </h2>
      {remove.error ? <Alert tone="error">{remove.error}</Alert> : null}
      {confirming ? (
        <div className="space-y-3 text-sm">
          <p>
            This deletes {plural(counts.rounds, 'round', 'rounds')},{' '}
            {plural(counts.recoveries, 'recovery', 'recoveries')} and {plural(counts.messages, 'message', 'messages')},
            with its contacts and timeline. It cannot be undone.
          </p>
          <p>
            {counts.lessons > 0
              ? `Your ${plural(counts.lessons, 'lesson', 'lessons')} from it stay, with the company's name.`
              : 'Any lessons you wrote stay, with the company’s name.'}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button
              type="button"
              variant="danger"
              pending={remove.isPending}
              onClick={() => void remove.execute({ id: applicationId })}
            >
              {remove.isPending ? 'Deleting…' : 'Yes, delete it'}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Delete application…
        </Button>
      )}
    </section>
  );
}

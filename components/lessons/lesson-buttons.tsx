'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { markLessonReviewedAction, retirePreventionActionAction } from '@/lib/actions/lessons';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/errors';

/** Runs an action, refreshes the page on success, and shows the failure next to the button. */
function useLessonAction() {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<ActionResult>) => {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(result.message);
        return;
      }
      router.refresh();
    });
  };
  return { isPending, error, run };
}

export function MarkReviewedButton({ lessonId }: { lessonId: string }) {
  const { isPending, error, run } = useLessonAction();
  return (
    <div className="space-y-2">
      <Button type="button" pending={isPending} onClick={() => run(() => markLessonReviewedAction({ id: lessonId }))}>
        {isPending ? 'Saving…' : 'Mark as reviewed'}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RetireActionButton({ actionId, text }: { actionId: string; text: string }) {
  const { isPending, error, run } = useLessonAction();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={isPending}
        aria-busy={isPending || undefined}
        onClick={() => run(() => retirePreventionActionAction({ id: actionId }))}
        className="whitespace-nowrap rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        {isPending ? 'Retiring…' : 'Now a habit'}
        {/* The visible words start the accessible name, so voice control can say what is on screen. */}
        <span className="sr-only">: {text}</span>
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

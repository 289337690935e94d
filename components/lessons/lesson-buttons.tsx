'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { markLessonReviewedAction, retirePreventionActionAction } from '@/lib/actions/lessons';
import { Button } from '@/components/ui/button';

export function MarkReviewedButton({ lessonId }: { lessonId: string }) {
  const router = useRouter();
  const { execute, isPending, error } = useAction(markLessonReviewedAction, { onSuccess: () => router.refresh() });
  return (
    <div className="space-y-2">
      <Button type="button" pending={isPending} onClick={() => void execute({ id: lessonId })}>
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
  const router = useRouter();
  const { execute, isPending, error } = useAction(retirePreventionActionAction, { onSuccess: () => router.refresh() });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={isPending}
        aria-busy={isPending || undefined}
        onClick={() => void execute({ id: actionId })}
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

'use client';

import { Button } from '@/components/ui/button';

// Unexpected failures only; refusals the user can act on are shown beside the form that caused them.
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-red-800">Something went wrong</h1>
      <p className="text-sm text-slate-700">Nothing you saved was lost. Try again in a moment.</p>
      <Button type="button" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

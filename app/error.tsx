'use client';

import { Button } from '@/components/ui/button';
import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/errors';

// Unexpected failures only; refusals the user can act on are shown beside the form that caused them.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const isDatabaseDown = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-red-800">
        {isDatabaseDown ? 'Rebound is briefly unavailable' : 'Something went wrong'}
      </h1>
      <p className="text-sm text-slate-700">
        {isDatabaseDown ? DATABASE_UNAVAILABLE_MESSAGE : 'Nothing you saved was lost. Try again in a moment.'}
      </p>
      <Button type="button" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

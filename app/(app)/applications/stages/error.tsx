'use client';

import { Button } from '@/components/ui/button';

// Unexpected failures only: a refused rename or removal is answered on the form itself.
export default function StagesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-red-800">Your stages could not be loaded</h1>
      <p className="text-sm text-slate-700">
        Something went wrong on our side. Nothing you saved was lost; try again in a moment.
      </p>
      <Button type="button" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

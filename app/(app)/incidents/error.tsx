'use client';

import { Button } from '@/components/ui/button';

// Unexpected failures only: refusals (a step out of order, a bad address) are shown beside the control.
export default function IncidentError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-red-800">This recovery could not be shown</h1>
      <p className="text-sm text-slate-700">
        Something went wrong on our side. Everything you saved, drafts included, is kept; try again in a moment.
      </p>
      <Button type="button" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/errors';

/**
 * Runs one recovery action from a button: pending while it runs (so a double click sends one
 * request), its refusal kept as a message to show beside the button. The action revalidates the
 * incident page itself, so the next step appears without a separate refresh.
 */
export function useRecoveryAction() {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = <T>(
    work: () => Promise<ActionResult<T>>,
    onSuccess?: (data: T) => void,
    onFieldErrors?: (fieldErrors: Record<string, string>) => void,
  ) =>
    startTransition(async () => {
      setError(null);
      const result = await work();
      if (!result.ok) {
        setError(result.message);
        if (result.fieldErrors && Object.keys(result.fieldErrors).length > 0) onFieldErrors?.(result.fieldErrors);
        return;
      }
      onSuccess?.(result.data);
    });
  return { isPending, error, setError, run };
}

'use client';

import { useRef, useState, useTransition } from 'react';
// Types only: the skip form, the message editor and the steps built on them call actions
// through this hook and ship no react-hook-form.
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { ActionFailure, ActionResult } from '@/lib/errors';

type Options<Input, Data, Values extends FieldValues> = {
  /** Runs before the request, inside the transition: where an optimistic update goes. */
  onStart?: (input: Input) => void;
  /** Awaited while still pending, so a sign-in or a navigation after it keeps the button busy. */
  onSuccess?: (data: Data, input: Input) => void | Promise<void>;
  /** Runs after the message and the field errors are in place. */
  onError?: (failure: ActionFailure, input: Input) => void;
  /** The form the failure's field errors go back onto (its own field names); what was typed stays. */
  form?: { setError: UseFormSetError<Values> };
  /** The form's field for a key of the server's, or null to leave that key to the message. */
  toField?: (key: string) => string | null;
};

/**
 * Calls one server action from a component: pending while it runs (a second call with the same
 * input meanwhile, a double click, sends nothing), the refusal's message to show, and its field
 * errors on the form's fields with the first of them focused. An error the action throws (a
 * redirect, or anything the wrapper does not turn into a result) goes on to the error boundary.
 */
export function useAction<Input, Data, Values extends FieldValues = FieldValues>(
  action: (input: Input) => Promise<ActionResult<Data>>,
  options: Options<Input, Data, Values> = {},
) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // Keyed by input: a list of checkboxes may save several ticks at once, one each.
  const running = useRef(new Set<string>());

  const execute = (input: Input): Promise<void> => {
    const key = JSON.stringify(input) ?? '';
    if (running.current.has(key)) return Promise.resolve();
    running.current.add(key);
    return new Promise((resolve) => {
      startTransition(async () => {
        try {
          setError(null);
          options.onStart?.(input);
          const result = await action(input);
          if (result.ok) {
            await options.onSuccess?.(result.data, input);
            return;
          }
          setError(result.message);
          if (options.form) setFieldErrors(options.form.setError, result.fieldErrors, options.toField);
          options.onError?.(result, input);
        } finally {
          running.current.delete(key);
          resolve();
        }
      });
    });
  };

  return { execute, isPending, error, setError };
}

/** 'form' is the form's own error (root); the first field named gets the focus. */
function setFieldErrors<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  fieldErrors: Record<string, string> | undefined,
  toField: (key: string) => string | null = (key) => key,
): void {
  let shouldFocus = true;
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    if (key === 'form') {
      setError('root', { message });
      continue;
    }
    const field = toField(key);
    if (!field) continue;
    setError(field as FieldPath<Values>, { message }, { shouldFocus });
    shouldFocus = false;
  }
}

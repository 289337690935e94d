'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveOutcome = { ok: true; savedAt: Date; note?: string } | { ok: false; message: string };

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date; note?: string }
  | { state: 'error'; message: string };

const CONNECTION_LOST = 'the connection dropped. Your text is still here and will be saved when you type again.';

/**
 * Saves `values` a moment after typing stops, and at once when the page is hidden, left or
 * unmounted, so a draft is never lost. Saves run one at a time; a change made while one is in
 * flight is saved right after it. `flush` saves now and tells whether everything is stored,
 * for buttons that must not act on unsaved text.
 */
export function useAutosave<T>(values: T, save: (values: T) => Promise<SaveOutcome>, delayMs = 800) {
  const serialised = JSON.stringify(values);
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const latest = useRef({ values, serialised });
  const lastSaved = useRef(serialised);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const saveRef = useRef(save);

  useEffect(() => {
    latest.current = { values, serialised };
    saveRef.current = save;
  });

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const snapshot = latest.current;
    setStatus({ state: 'saving' });
    try {
      const outcome = await saveRef.current(snapshot.values);
      if (!outcome.ok) {
        setStatus({ state: 'error', message: outcome.message });
        return false;
      }
      lastSaved.current = snapshot.serialised;
      setStatus({ state: 'saved', at: outcome.savedAt, note: outcome.note });
      return true;
    } catch {
      setStatus({ state: 'error', message: CONNECTION_LOST });
      return false;
    }
  }, []);

  const flush = useCallback(async (): Promise<boolean> => {
    for (;;) {
      if (inFlight.current) {
        await inFlight.current;
        continue;
      }
      if (latest.current.serialised === lastSaved.current) return true;
      const attempt = saveOnce();
      inFlight.current = attempt;
      const isSaved = await attempt.finally(() => {
        inFlight.current = null;
      });
      if (!isSaved) return false;
    }
  }, [saveOnce]);

  useEffect(() => {
    if (serialised === lastSaved.current) return;
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
  }, [serialised, delayMs, flush]);

  useEffect(() => {
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    // Closing or reloading the tab within the debounce would drop the last words: save, and let
    // the browser ask the user to wait for it.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (latest.current.serialised === lastSaved.current && !inFlight.current) return;
      void flush();
      event.preventDefault();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Leaving for another page of the app unmounts the editor; the request still completes.
      void flush();
    };
  }, [flush]);

  return { status, flush };
}

export function describeAutosave(status: AutosaveStatus): string {
  switch (status.state) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${status.at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}${status.note ? ` (${status.note})` : ''}`;
    case 'error':
      return `Could not save: ${status.message}`;
    default:
      return 'Your changes are saved as you type.';
  }
}

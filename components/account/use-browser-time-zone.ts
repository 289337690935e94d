'use client';

import { useSyncExternalStore } from 'react';
import { detectBrowserTimeZone } from '@/components/ui/time-zone-options';

const subscribeToNothing = () => () => undefined;

/** The browser's IANA zone; null while rendering on the server, which has no browser to ask. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(subscribeToNothing, detectBrowserTimeZone, () => null);
}

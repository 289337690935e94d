'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore } from 'react';
import { useAction } from '@/components/forms/use-action';
import { updateTimeZoneAction } from '@/lib/actions/account';
import { useBrowserTimeZone } from './use-browser-time-zone';
import { Button } from '@/components/ui/button';
import { isValidTimeZone, zoneCity } from '@/lib/domain/time';

// Dismissing is per browser zone: travelling to yet another zone asks again.
const DISMISSED_KEY = 'rebound.timeZoneBanner.dismissed';

const subscribeToNothing = () => () => undefined;
const readDismissed = () => window.localStorage.getItem(DISMISSED_KEY);

function isSameZone(a: string, b: string): boolean {
  if (a === b) return true;
  if (!isValidTimeZone(a) || !isValidTimeZone(b)) return false;
  const canonical = (zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return canonical(a) === canonical(b);
}

const placeOf = (zone: string) => `${zoneCity(zone) ?? zone} time`;

/** Offers, once per browser zone, to show times in the zone the browser is in now. */
export function TimeZoneBanner({ accountTimeZone }: { accountTimeZone: string }) {
  const router = useRouter();
  const browserZone = useBrowserTimeZone();
  const storedDismissal = useSyncExternalStore(subscribeToNothing, readDismissed, () => null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const updateTimeZone = useAction(updateTimeZoneAction, { onSuccess: () => router.refresh() });

  const isHidden =
    !browserZone ||
    !isValidTimeZone(browserZone) ||
    isSameZone(browserZone, accountTimeZone) ||
    browserZone === storedDismissal ||
    browserZone === dismissed;
  if (isHidden) return null;

  const dismiss = () => {
    window.localStorage.setItem(DISMISSED_KEY, browserZone);
    setDismissed(browserZone);
  };

  return (
    <section
      aria-label="Browser zone"
      className="mb-6 flex flex-wrap items-center gap-3 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-slate-800"
    >
      <p className="flex-1">
        Your browser is on {placeOf(browserZone)} ({browserZone.replaceAll('_', ' ')}); your account shows times in{' '}
        {placeOf(accountTimeZone)}.
      </p>
      <Button pending={updateTimeZone.isPending} onClick={() => void updateTimeZone.execute({ timeZone: browserZone })}>
        Use {placeOf(browserZone)}
      </Button>
      <Button variant="secondary" onClick={dismiss}>
        Dismiss
      </Button>
      {updateTimeZone.error ? (
        <p role="alert" className="w-full text-red-700">
          {updateTimeZone.error}
        </p>
      ) : null}
    </section>
  );
}

'use client';

import { useMemo } from 'react';

/** Every IANA zone the browser knows, plus the current value if it is not among them. */
export function TimeZoneOptions({ current }: { current?: string }) {
  const zones = useMemo(() => {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
    const withUtc = list.includes('UTC') ? list : ['UTC', ...list];
    return current && !withUtc.includes(current) ? [current, ...withUtc] : withUtc;
  }, [current]);
  return (
    <>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </>
  );
}

export function detectBrowserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

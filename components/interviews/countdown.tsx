'use client';

import { useEffect, useState } from 'react';

function describe(ms: number): string {
  if (ms <= 0) return 'now';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `in ${days} day${days === 1 ? '' : 's'} ${hours} h`;
  if (hours > 0) return `in ${hours} h ${rest} min`;
  return `in ${rest} min`;
}

/** A countdown that renders the same text on the server and ticks once hydrated. */
export function Countdown({ target, renderedAt }: { target: string; renderedAt: string }) {
  const [now, setNow] = useState(() => new Date(renderedAt).getTime());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  return <span>{describe(new Date(target).getTime() - now)}</span>;
}

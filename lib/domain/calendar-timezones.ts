// VTIMEZONE blocks (RFC 5545 §3.6.5) for the zones interviews happen in. A calendar app needs the
// block to show an event as "New York time" and to move it correctly across DST changes; a TZID
// without one is read as floating time or guessed at.
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

// The blocks come from timezones-ical-library's bundled data, so each zone is built once per
// process: a feed of thousands of interviews in a handful of zones costs a handful of look-ups.
const blocks = new Map<string, string>();
// Asked first because the library logs to the console for a name it does not know.
let knownZones: ReadonlySet<string> | undefined;

/**
 * The VTIMEZONE for an IANA zone, its TZID being exactly that name, or null when the zone is
 * unknown. The library files links (Asia/Calcutta, US/Eastern) under their canonical zone; the
 * events carry the interview's own name, and a VTIMEZONE must match its events' TZID exactly.
 */
export function getVtimezone(timeZone: string): string | null {
  const cached = blocks.get(timeZone);
  if (cached !== undefined) return cached;
  const block = readBlock(timeZone);
  // Only real zones are kept, so odd input cannot grow the cache.
  if (block !== null) blocks.set(timeZone, block);
  return block;
}

function readBlock(timeZone: string): string | null {
  knownZones ??= new Set(readNames());
  if (!knownZones.has(timeZone)) return null;
  const result = tzlib_get_ical_block(timeZone);
  const text = Array.isArray(result) ? result[0] : undefined;
  if (!text || !text.startsWith('BEGIN:VTIMEZONE')) return null;
  return (
    text
      .replace(/\r?\n/g, '\r\n')
      .replace(/^TZID:.*$/m, `TZID:${timeZone}`)
      .replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${timeZone}`)
      .trimEnd() + '\r\n'
  );
}

function readNames(): string[] {
  const names = tzlib_get_timezones();
  return Array.isArray(names) ? names : [];
}

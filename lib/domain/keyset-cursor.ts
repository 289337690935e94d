// The "next page" token of a keyset-paginated list: the last row's sort instant and its id, the
// pair that makes the order total. Opaque in the URL (base64url), and never trusted: anything
// that does not decode to that pair means "the first page".

export type KeysetCursor = { at: Date; id: string };

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString('base64url');
}

/** A cursor from the URL; anything malformed means "first page", never an error. */
export function decodeKeysetCursor(raw: string | undefined): KeysetCursor | null {
  if (!raw) return null;
  const [iso, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime()) || !id || id.length > 40) return null;
  return { at, id };
}

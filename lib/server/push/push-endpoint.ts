import { isIP } from 'node:net';

const MAX_ENDPOINT_LENGTH = 2_048;

/** Loopback, private, link-local, unspecified and unique-local addresses: never a push service. */
export function isInternalAddress(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  const version = isIP(address);
  if (version === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (version === 6) {
    // An IPv4 address mapped into (or compatible with) IPv6, which the URL parser writes in hex (::ffff:7f00:1).
    const mapped = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
    if (mapped?.[1] && mapped[2]) {
      const [high, low] = [Number.parseInt(mapped[1], 16), Number.parseInt(mapped[2], 16)];
      return isInternalAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
    }
    const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
    if (dotted?.[1]) return isInternalAddress(dotted[1]);
    return address === '::' || address === '::1' || /^f[cd]/.test(address) || /^fe[89ab]/.test(address);
  }
  return false;
}

/**
 * Whether a browser's push endpoint may be stored. The server will POST to it, so it must be an
 * https URL of a public host: an address inside the server's own network (a metadata service,
 * localhost) is refused, so a subscription cannot make the server call it.
 */
export function isAcceptablePushEndpoint(endpoint: string): boolean {
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  // A trailing dot names the same host ("localhost.").
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return host !== 'localhost' && !host.endsWith('.localhost') && !isInternalAddress(host);
}

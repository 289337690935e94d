import { isIP } from 'node:net';

const MAX_ENDPOINT_LENGTH = 2_048;

/** Loopback, private, link-local, unspecified and unique-local addresses: never a push service. */
function isInternalAddress(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  const version = isIP(address);
  if (version === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (version === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
    if (mapped?.[1]) return isInternalAddress(mapped[1]);
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
  const host = url.hostname.toLowerCase();
  return host !== 'localhost' && !host.endsWith('.localhost') && !isInternalAddress(host);
}
